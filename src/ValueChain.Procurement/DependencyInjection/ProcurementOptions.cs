namespace ValueChain.Procurement;

/// <summary>
/// Deployment settings of the procurement chaincode; every peer must use the same. Bound from configuration
/// by <c>AddProcurement(IConfiguration)</c> and checked at start-up by <see cref="ProcurementOptionsValidator"/>.
/// </summary>
public sealed class ProcurementOptions
{
    /// <summary>How many distinct admins must approve an invitation (default 1).</summary>
    public int InvitationApprovals { get; set; } = 1;

    /// <summary>How long after an order's requested time the machine must wait before it may cancel and be refunded (default one day).</summary>
    public TimeSpan CancellationGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The on-time rate, in basis points (0 to 10 000), that ranking gives a supplier without history (default 5 000, that is 50 %).</summary>
    public int StartingRate { get; set; } = 5_000;

    /// <summary>The companies the marketplace starts with (typically the operator's); no default: at least the genesis users' companies.</summary>
    public IList<GenesisCompany> GenesisCompanies { get; } = [];

    /// <summary>
    /// The users the marketplace starts with; no default: at least one active <see cref="ProcurementRole.MarketplaceAdmin"/>
    /// with <see cref="ProcurementUser.IsAdmin"/>, who then invites the companies. They joined at the Unix epoch on every ledger.
    /// </summary>
    public IList<ProcurementUser> GenesisUsers { get; } = [];

    /// <summary>How <see cref="ProcurementClient"/> writes UBL documents (currency of the token, unit codes); off-chain, so peers may differ.</summary>
    public ProcurementUblOptions Ubl { get; } = new();
}
