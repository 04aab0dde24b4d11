namespace ValueChain.Flexibility;

/// <summary>The stages of an auction round, in order.</summary>
public enum MarketStage
{
    /// <summary>Fleet operators make offers.</summary>
    Offering = 1,

    /// <summary>The TSO and DSOs bid on this round's offers.</summary>
    Bidding = 2,

    /// <summary>Fleet operators confirm results; the platform creates payment contracts.</summary>
    ContractCreation = 3,
}
