namespace ValueChain.V2V;

/// <summary>What checking a report against its ledger anchor found. Only <see cref="Valid"/> means the report may be used.</summary>
public enum ReportStatus
{
    /// <summary>The stored bytes are the anchored report (and its proof holds for its anchored batch).</summary>
    Valid = 1,

    /// <summary>The report is stored and its anchoring was submitted, but it is not committed yet.</summary>
    Pending = 2,

    /// <summary>The bytes found differ from what was anchored (altered in the store, or an anchor that names other bytes).</summary>
    Tampered = 3,

    /// <summary>The ledger anchors the report but the content store does not have it.</summary>
    Missing = 4,

    /// <summary>The ledger has no anchor for the report (or for the batch its proof names).</summary>
    Unanchored = 5,

    /// <summary>The report is anchored but its inclusion proof does not hold for the batch it was anchored in.</summary>
    BadProof = 6,
}
