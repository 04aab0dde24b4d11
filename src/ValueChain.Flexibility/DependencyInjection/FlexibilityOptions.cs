namespace ValueChain.Flexibility;

/// <summary>
/// Deployment settings of the flexibility market chaincode; every peer must use the same. Bound from configuration
/// by <c>AddFlexibility(IConfiguration)</c> and checked at start-up by <see cref="FlexibilityOptionsValidator"/>.
/// </summary>
public sealed class FlexibilityOptions
{
    /// <summary>The verifiers (the TSO) the market starts with; no default: at least one, each with <see cref="MarketRole.Verifier"/>.</summary>
    public IList<MarketParticipant> Verifiers { get; } = [];

    /// <summary>Rounds and stages (default: 15-minute rounds of 5-minute stages, gates closing 1 minute early).</summary>
    public MarketClock Clock { get; set; } = MarketClock.Default;

    /// <summary>
    /// Whether offers are stored as structured fields (the default) or as hash commitments whose fields the
    /// fleet operator exchanges off-chain and reveals at contract creation (<see cref="OfferRequest.Commit"/>).
    /// </summary>
    public bool CommittedOffers { get; set; }

    /// <summary>The chain id in the EIP-712 domain of energy transfer records (on Ethereum, the chain's id).</summary>
    public ulong ChainId { get; set; } = 31337;

    /// <summary>How long after an offer's delivery window the buyer must wait to enforce the penalty (default 24 hours).</summary>
    public TimeSpan PenaltyGrace { get; set; } = TimeSpan.FromHours(24);
}
