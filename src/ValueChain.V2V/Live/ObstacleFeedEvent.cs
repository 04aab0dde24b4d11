namespace ValueChain.V2V;

/// <summary>What the anchored report a feed message carries did on the ledger.</summary>
public enum ObstacleFeedEvent
{
    /// <summary>It mapped a new obstacle.</summary>
    Mapped,

    /// <summary>It counted as a confirmation of an obstacle another pseudonym mapped.</summary>
    Confirmed,
}
