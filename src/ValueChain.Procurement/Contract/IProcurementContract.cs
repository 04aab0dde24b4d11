using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>
/// The on-ledger operations of the procurement marketplace. Invalid calls (unknown caller, wrong role, malformed
/// input, a quotation that is not orderable, too little balance or allowance) throw a <see cref="ChaincodeException"/>
/// with a stable code (<see cref="ErrorCodes"/>, <see cref="ProcurementErrorCodes"/>) and change nothing. Reads of
/// orders, service orders and maintenance books are signed by the reader and checked against who it is.
/// </summary>
public interface IProcurementContract
{
    /// <summary>
    /// Invites a user into a company (marketplace admins into any company, company admins into their own); a
    /// marketplace admin brings a new company in with its first user and <paramref name="companyName"/>. The user
    /// joins with enough approvals by distinct admins. Admins and marketplace admins get the admin right.
    /// </summary>
    Task<ProcurementReceipt> InviteAsync(ISigner admin, Address invitee, string name, ProcurementRole role, string companyId, string? companyName = null, CancellationToken cancellationToken = default);

    /// <summary>Approves a pending invitation (an admin other than those who approved it).</summary>
    Task<ProcurementReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default);

    /// <summary>Revokes a user (marketplace admins any, company admins their own company's); the record stays.</summary>
    Task<ProcurementReceipt> RevokeAsync(ISigner admin, Address user, CancellationToken cancellationToken = default);

    /// <summary>Removes a company (marketplace admins): its users and machines can no longer act, except that its machines still close their open orders.</summary>
    Task<ProcurementReceipt> RemoveCompanyAsync(ISigner marketplaceAdmin, string companyId, CancellationToken cancellationToken = default);

    /// <summary>A user (active or revoked), or null.</summary>
    Task<ProcurementUser?> GetUserAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>An invitation, or null.</summary>
    Task<UserInvitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default);

    /// <summary>A company with its supplier evaluation, or null.</summary>
    Task<Company?> GetCompanyAsync(string companyId, CancellationToken cancellationToken = default);

    /// <summary>Registers a machine of the engineer's company (service engineers).</summary>
    Task<ProcurementReceipt> RegisterMachineAsync(ISigner engineer, MachineRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>The machine records that it used <paramref name="quantity"/> of a material from its slot.</summary>
    Task<ProcurementReceipt> ReportConsumptionAsync(ISigner machine, string materialNumber, long quantity, CancellationToken cancellationToken = default);

    /// <summary>A machine by its identifier, or null.</summary>
    Task<Machine?> GetMachineAsync(string machineId, CancellationToken cancellationToken = default);

    /// <summary>A machine by its key's address, or null.</summary>
    Task<Machine?> GetMachineByAddressAsync(Address machine, CancellationToken cancellationToken = default);

    /// <summary>Publishes a binding quotation (supplier users, or machines that supply); the receipt carries its id.</summary>
    Task<ProcurementReceipt> CreateQuotationAsync(ISigner supplier, QuotationTerms terms, CancellationToken cancellationToken = default);

    /// <summary>Records the next version of a quotation with a new price or validity window (its supplier); any other change is <see cref="ProcurementErrorCodes.FrozenField"/>.</summary>
    Task<ProcurementReceipt> ReviseQuotationAsync(ISigner supplier, long quotationId, QuotationTerms terms, CancellationToken cancellationToken = default);

    /// <summary>Approves a quotation for the buyer's company (buyers).</summary>
    Task<ProcurementReceipt> ApproveQuotationAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the buyer's company's approval (buyers).</summary>
    Task<ProcurementReceipt> WithdrawApprovalAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default);

    /// <summary>A quotation's latest version, or null.</summary>
    Task<Quotation?> GetQuotationAsync(long quotationId, CancellationToken cancellationToken = default);

    /// <summary>One version of a quotation, or null.</summary>
    Task<Quotation?> GetQuotationVersionAsync(long quotationId, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of a quotation, oldest first.</summary>
    Task<IReadOnlyList<Quotation>> GetQuotationVersionsAsync(long quotationId, CancellationToken cancellationToken = default);

    /// <summary>Whether a quotation is approved for a company.</summary>
    Task<QuotationStatus> GetApprovalStatusAsync(long quotationId, string companyId, CancellationToken cancellationToken = default);

    /// <summary>The latest versions of the quotations approved for a company, for a material, valid at ledger time, in id order: what its machines rank.</summary>
    Task<IReadOnlyList<Quotation>> GetSelectableQuotationsAsync(string companyId, string materialNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// The machine orders a quotation version: re-checked (approved for its company, valid now, the slot's material,
    /// the latest version), then price × quantity moves from the machine's account into escrow through its allowance
    /// for <see cref="EscrowAccount"/>. One open order per slot.
    /// </summary>
    Task<ProcurementReceipt> PlaceOrderAsync(ISigner machine, OrderRequest order, CancellationToken cancellationToken = default);

    /// <summary>The machine books a service engineer of its company, for an order's installation or for preventive maintenance.</summary>
    Task<ProcurementReceipt> BookServiceAsync(ISigner machine, string serviceId, Address engineer, string? orderId = null, CancellationToken cancellationToken = default);

    /// <summary>The machine scanned the order id on the package: the slot's stock rises, the escrow pays the supplier, the supplier is rated on time or late, the order closes.</summary>
    Task<ProcurementReceipt> ConfirmArrivalAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default);

    /// <summary>From the requested time plus the grace period, the machine cancels: the escrow pays it back and the supplier counts a failed delivery.</summary>
    Task<ProcurementReceipt> CancelOrderAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default);

    /// <summary>An order, read by its machine, its company or its supplier's company (a signed read); null when there is none.</summary>
    Task<PurchaseOrder?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default);

    /// <summary>Every order of a machine, in order of the order id (ordinal), read by the machine or its company (a signed read).</summary>
    Task<IReadOnlyList<PurchaseOrder>> GetMachineOrdersAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default);

    /// <summary>A service order, read by its machine or its company (a signed read); null when there is none.</summary>
    Task<ServiceOrder?> GetServiceOrderAsync(ISigner reader, string serviceId, CancellationToken cancellationToken = default);

    /// <summary>A service engineer of the machine's company appends to its maintenance book; installed quantities leave the slots.</summary>
    Task<ProcurementReceipt> RecordMaintenanceAsync(ISigner engineer, MaintenanceRecord record, CancellationToken cancellationToken = default);

    /// <summary>The machine's company admin grants a third party reads of its maintenance book.</summary>
    Task<ProcurementReceipt> GrantBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default);

    /// <summary>The machine's company admin revokes a grant; the record stays.</summary>
    Task<ProcurementReceipt> RevokeBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default);

    /// <summary>A machine's maintenance book, read by the machine, its company, or a holder of an unrevoked grant (a signed read).</summary>
    Task<IReadOnlyList<MaintenanceEntry>> GetMaintenanceBookAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default);

    /// <summary>Every grant of a machine's book, active and revoked, in order of the grantee's address (lowercase hex).</summary>
    Task<IReadOnlyList<BookGrant>> GetGrantsAsync(string machineId, CancellationToken cancellationToken = default);

    /// <summary>Creates tokens (marketplace admins, the issuers).</summary>
    Task<ProcurementReceipt> MintAsync(ISigner issuer, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 transfer from the caller.</summary>
    Task<ProcurementReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 approve: <paramref name="spender"/> may move up to <paramref name="amount"/> of the caller's tokens (2^256 − 1 is unlimited).</summary>
    Task<ProcurementReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 transferFrom by an approved spender.</summary>
    Task<ProcurementReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>A token balance.</summary>
    Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="spender"/> may still move of <paramref name="owner"/>'s tokens.</summary>
    Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default);

    /// <summary>All tokens in existence.</summary>
    Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default);

    /// <summary>The escrow's invariant: the open orders' payments beside what the escrow holds.</summary>
    Task<EscrowHoldings> GetEscrowHoldingsAsync(CancellationToken cancellationToken = default);

    /// <summary>The marketplace's events in blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>].</summary>
    Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default);

    /// <summary>The marketplace's events from <paramref name="fromBlock"/> on, then live, until cancelled.</summary>
    IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default);

    /// <summary>
    /// The account machines approve as the spender of their order payments: the escrow, held by the contract
    /// (a derived address on the chaincode drivers, the contract's address on Ethereum).
    /// </summary>
    Address EscrowAccount { get; }
}
