using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>
/// How a pseudonym's <see cref="Reputation"/> follows from ledger facts: the chaincode applies it step by step, and
/// <see cref="Recompute"/> rebuilds it from the map's events alone, so anyone can check the ledger's value.
/// </summary>
public static class ReputationRules
{
    /// <summary><paramref name="current"/> after further confirmations, expiries and contradictions, with the weights of <paramref name="options"/>.</summary>
    public static Reputation Apply(Reputation current, long confirmations, long expired, long contradicted, V2VOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        long c = current.Confirmations + confirmations, e = current.Expired + expired, x = current.Contradicted + contradicted;
        return current with
        {
            Confirmations = c,
            Expired = e,
            Contradicted = x,
            Score = (c * options.ConfirmationReward) - (e * options.ExpiryPenalty) - (x * options.ContradictionPenalty),
        };
    }

    /// <summary>
    /// The reputation of <paramref name="pseudonym"/> recomputed from scratch from the obstacle map's events (in any
    /// order): counted confirmations of its obstacles, its obstacles that expired or were negated unconfirmed.
    /// </summary>
    public static Reputation Recompute(Address pseudonym, IEnumerable<LedgerEvent> events, V2VOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        long confirmations = 0, expired = 0, contradicted = 0;
        foreach (LedgerEvent e in events)
        {
            switch (e.Name)
            {
                case V2VEvents.ObstacleConfirmed when V2VEventPayloads.ReadConfirmation(e.PayloadJson) is { Counted: true } c && c.FirstReporter == pseudonym:
                    confirmations++;
                    break;
                case V2VEvents.ObstacleExpired when V2VEventPayloads.ReadClosure(e.PayloadJson) is { Confirmations: 0 } c && c.FirstReporter == pseudonym:
                    expired++;
                    break;
                case V2VEvents.ObstacleNegated when V2VEventPayloads.ReadClosure(e.PayloadJson) is { Confirmations: 0 } c && c.FirstReporter == pseudonym:
                    contradicted++;
                    break;
            }
        }

        return Apply(Reputation.Initial(pseudonym), confirmations, expired, contradicted, options);
    }
}
