namespace ValueChain.Flexibility;

/// <summary>Deployment settings of the flexibility market chaincode; every peer must use the same.</summary>
public sealed class FlexMarketOptions
{
    /// <summary>The verifiers (the TSO) the market starts with; at least one.</summary>
    public IList<MarketParticipant> Verifiers { get; } = [];
}
