namespace ValueChain.Flexibility;

/// <summary>What a participant does on the flexibility market.</summary>
public enum MarketRole
{
    /// <summary>The TSO: verifies (keeps the whitelist) and bids.</summary>
    Verifier = 1,

    /// <summary>A distribution system operator: bids.</summary>
    Dso = 2,

    /// <summary>A fleet operator: offers its EVs' flexibility.</summary>
    FleetOperator = 3,
}
