namespace ValueChain.V2V;

/// <summary>
/// A pseudonym's reputation, computed from ledger data only, so every node has the same integers:
/// <see cref="Score"/> = confirmations · reward − expired · expiry penalty − contradicted · contradiction penalty
/// (the weights of <see cref="V2VOptions"/>).
/// </summary>
/// <param name="Pseudonym">The trip address.</param>
/// <param name="Score">The score.</param>
/// <param name="Confirmations">Confirmations of its obstacles by other certified pseudonyms.</param>
/// <param name="Expired">Its obstacles that expired without a confirmation.</param>
/// <param name="Contradicted">Its unconfirmed obstacles that another vehicle negated.</param>
public sealed record Reputation(Address Pseudonym, long Score, long Confirmations, long Expired, long Contradicted)
{
    /// <summary>The reputation of a pseudonym nothing has happened to.</summary>
    public static Reputation Initial(Address pseudonym) => new(pseudonym, 0, 0, 0, 0);
}
