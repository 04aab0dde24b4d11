namespace ValueChain.AppMarket;

/// <summary>
/// Deployment settings of the marketplace chaincode; every peer must use the same. Bound from configuration by
/// <c>AddAppMarket(IConfiguration)</c> and checked at start-up by <see cref="AppMarketOptionsValidator"/>.
/// </summary>
public sealed class AppMarketOptions
{
    /// <summary>
    /// The members the marketplace starts with; no default: at least one must be an admin (an operator), who then
    /// invites developers and companies. Genesis members joined at the Unix epoch on every ledger.
    /// </summary>
    public IList<AppMarketMember> GenesisMembers { get; } = [];

    /// <summary>How many distinct admins must approve an invitation (default 1).</summary>
    public int InvitationApprovals { get; set; } = 1;

    /// <summary>The chain id in the EIP-712 domain of device reports (on Ethereum, the chain's id; default 31337).</summary>
    public ulong ChainId { get; set; } = 31337;

    /// <summary>How long after an install request without a report the company may take a held price back (default one day).</summary>
    public TimeSpan InstallTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The most usage reports one settlement transaction takes (default 1000).</summary>
    public int MaxReportsPerSettlement { get; set; } = 1000;
}
