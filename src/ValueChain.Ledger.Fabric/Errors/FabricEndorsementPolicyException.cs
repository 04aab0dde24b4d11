namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The peers that endorsed a proposal do not satisfy the chaincode's endorsement policy (peers were down or refused);
/// nothing was ordered. Names the policy, the peers that endorsed, and why each other peer did not.
/// </summary>
public sealed class FabricEndorsementPolicyException : FabricException
{
    /// <summary>The code of an endorsement policy that could not be met.</summary>
    public const string ErrorCode = "fabric_endorsement_policy_not_met";

    /// <summary>Creates the error.</summary>
    /// <param name="transactionId">The proposed transaction.</param>
    /// <param name="policy">The policy, in Fabric's policy language.</param>
    /// <param name="endorsed">The peers that endorsed, each with its MSP id, as "address (MSP)".</param>
    /// <param name="notEndorsed">Each peer that did not endorse, with why.</param>
    public FabricEndorsementPolicyException(string transactionId, string policy, IReadOnlyList<string> endorsed, IReadOnlyDictionary<string, string> notEndorsed)
        : base(
            ErrorCode,
            notEndorsed.Count == 0 ? "(none)" : string.Join(", ", notEndorsed.Keys),
            0,
            string.Join("; ", notEndorsed.Select(p => $"{p.Key}: {p.Value}")),
            $"Transaction {transactionId} cannot meet the endorsement policy {policy}: endorsed by {(endorsed.Count == 0 ? "no peer" : string.Join(", ", endorsed))}"
                + (notEndorsed.Count == 0 ? "." : $"; not endorsed by {string.Join("; ", notEndorsed.Select(p => $"{p.Key} ({p.Value})"))}."))
    {
        TransactionId = transactionId;
        Policy = policy;
        Endorsed = endorsed;
        NotEndorsed = notEndorsed;
    }

    /// <summary>The proposed transaction.</summary>
    public string TransactionId { get; }

    /// <summary>The policy, in Fabric's policy language.</summary>
    public string Policy { get; }

    /// <summary>The peers that endorsed, as "address (MSP)".</summary>
    public IReadOnlyList<string> Endorsed { get; }

    /// <summary>Each peer that did not endorse, with why (unreachable, or its refusal).</summary>
    public IReadOnlyDictionary<string, string> NotEndorsed { get; }
}
