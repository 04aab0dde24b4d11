using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>
/// <see cref="IProcurementContract"/> over a generic <see cref="IContractGateway"/>: the embedded and Fabric
/// drivers run <see cref="ProcurementChaincode"/>, and this adapter calls it.
/// </summary>
public sealed class ProcurementChaincodeAdapter : IProcurementContract
{
    private static readonly ProcurementJsonContext Json = ProcurementJsonContext.Default;
    private readonly IContractGateway _gateway;
    private readonly ChaincodeClient _chaincode;

    /// <summary>Creates the adapter over <paramref name="gateway"/>.</summary>
    public ProcurementChaincodeAdapter(IContractGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        _chaincode = new ChaincodeClient(gateway, ProcurementChaincode.ChaincodeName);
    }

    /// <inheritdoc />
    public Address EscrowAccount => ProcurementChaincode.EscrowAccount;

    /// <inheritdoc />
    public Task<ProcurementReceipt> InviteAsync(ISigner admin, Address invitee, string name, ProcurementRole role, string companyId, string? companyName = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "invite", new InviteArgs(invitee, name, role, companyId, companyName), Json.InviteArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "approveInvitation", new AddressArgs(invitee), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RevokeAsync(ISigner admin, Address user, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "revoke", new AddressArgs(user), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RemoveCompanyAsync(ISigner marketplaceAdmin, string companyId, CancellationToken cancellationToken = default) =>
        SubmitAsync(marketplaceAdmin, "removeCompany", new IdArgs(companyId), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementUser?> GetUserAsync(Address address, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getUser", new AddressArgs(address), Json.AddressArgs, Json.ProcurementUser, cancellationToken);

    /// <inheritdoc />
    public Task<UserInvitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getInvitation", new AddressArgs(invitee), Json.AddressArgs, Json.UserInvitation, cancellationToken);

    /// <inheritdoc />
    public Task<Company?> GetCompanyAsync(string companyId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getCompany", new IdArgs(companyId), Json.IdArgs, Json.Company, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RegisterMachineAsync(ISigner engineer, MachineRegistration registration, CancellationToken cancellationToken = default) =>
        SubmitAsync(engineer, "registerMachine", registration, Json.MachineRegistration, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ReportConsumptionAsync(ISigner machine, string materialNumber, long quantity, CancellationToken cancellationToken = default) =>
        SubmitAsync(machine, "reportConsumption", new ConsumeArgs(materialNumber, quantity), Json.ConsumeArgs, cancellationToken);

    /// <inheritdoc />
    public Task<Machine?> GetMachineAsync(string machineId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getMachine", new IdArgs(machineId), Json.IdArgs, Json.Machine, cancellationToken);

    /// <inheritdoc />
    public Task<Machine?> GetMachineByAddressAsync(Address machine, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getMachineByAddress", new AddressArgs(machine), Json.AddressArgs, Json.Machine, cancellationToken);

    /// <inheritdoc />
    public async Task<ProcurementReceipt> CreateQuotationAsync(ISigner supplier, QuotationTerms terms, CancellationToken cancellationToken = default)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(supplier, "createQuotation", terms, Json.QuotationTerms, cancellationToken);
        long id = JsonSerializer.Deserialize(receipt.ResultJson!, Json.QuotationCreated)!.QuotationId;
        return new ProcurementReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events, id);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> ReviseQuotationAsync(ISigner supplier, long quotationId, QuotationTerms terms, CancellationToken cancellationToken = default) =>
        SubmitAsync(supplier, "reviseQuotation", new ReviseArgs(quotationId, terms), Json.ReviseArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveQuotationAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default) =>
        SubmitAsync(buyer, "approveQuotation", new QuotationIdArgs(quotationId), Json.QuotationIdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> WithdrawApprovalAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default) =>
        SubmitAsync(buyer, "withdrawApproval", new QuotationIdArgs(quotationId), Json.QuotationIdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<Quotation?> GetQuotationAsync(long quotationId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getQuotation", new QuotationIdArgs(quotationId), Json.QuotationIdArgs, Json.Quotation, cancellationToken);

    /// <inheritdoc />
    public Task<Quotation?> GetQuotationVersionAsync(long quotationId, int version, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getQuotationVersion", new VersionArgs(quotationId, version), Json.VersionArgs, Json.Quotation, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quotation>> GetQuotationVersionsAsync(long quotationId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getQuotationVersions", new QuotationIdArgs(quotationId), Json.QuotationIdArgs, Json.ListQuotation, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<QuotationStatus> GetApprovalStatusAsync(long quotationId, string companyId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getApprovalStatus", new ApprovalArgs(quotationId, companyId), Json.ApprovalArgs, Json.QuotationStatus, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quotation>> GetSelectableQuotationsAsync(string companyId, string materialNumber, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getSelectableQuotations", new SelectableArgs(companyId, materialNumber), Json.SelectableArgs, Json.ListQuotation, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<ProcurementReceipt> PlaceOrderAsync(ISigner machine, OrderRequest order, CancellationToken cancellationToken = default) =>
        SubmitAsync(machine, "placeOrder", order, Json.OrderRequest, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> BookServiceAsync(ISigner machine, string serviceId, Address engineer, string? orderId = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(machine, "bookService", new BookServiceArgs(serviceId, engineer, orderId), Json.BookServiceArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ConfirmArrivalAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default) =>
        SubmitAsync(machine, "confirmArrival", new IdArgs(orderId), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> CancelOrderAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default) =>
        SubmitAsync(machine, "cancelOrder", new IdArgs(orderId), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<PurchaseOrder?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getOrder", new IdArgs(orderId), Json.IdArgs, Json.PurchaseOrder, cancellationToken, Required(reader));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PurchaseOrder>> GetMachineOrdersAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getMachineOrders", new IdArgs(machineId), Json.IdArgs, Json.ListPurchaseOrder, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public Task<ServiceOrder?> GetServiceOrderAsync(ISigner reader, string serviceId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getServiceOrder", new IdArgs(serviceId), Json.IdArgs, Json.ServiceOrder, cancellationToken, Required(reader));

    /// <inheritdoc />
    public Task<ProcurementReceipt> RecordMaintenanceAsync(ISigner engineer, MaintenanceRecord record, CancellationToken cancellationToken = default) =>
        SubmitAsync(engineer, "recordMaintenance", record, Json.MaintenanceRecord, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> GrantBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "grantBookAccess", new GrantArgs(machineId, grantee), Json.GrantArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RevokeBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "revokeBookAccess", new GrantArgs(machineId, grantee), Json.GrantArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenanceEntry>> GetMaintenanceBookAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getMaintenanceBook", new IdArgs(machineId), Json.IdArgs, Json.ListMaintenanceEntry, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookGrant>> GetGrantsAsync(string machineId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getGrants", new IdArgs(machineId), Json.IdArgs, Json.ListBookGrant, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<ProcurementReceipt> MintAsync(ISigner issuer, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(issuer, "mint", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(sender, "transfer", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(owner, "approve", new AmountArgs(spender, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(spender, "transferFrom", new TransferFromArgs(from, recipient, amount), Json.TransferFromArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("balanceOf", new AddressArgs(owner), Json.AddressArgs, Json.UInt256, cancellationToken);

    /// <inheritdoc />
    public async Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("allowance", new AllowanceArgs(owner, spender), Json.AllowanceArgs, Json.UInt256, cancellationToken);

    /// <inheritdoc />
    public async Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) =>
        await EvaluateAsync("totalSupply", new EmptyArgs(), Json.EmptyArgs, Json.UInt256, cancellationToken);

    /// <inheritdoc />
    public async Task<EscrowHoldings> GetEscrowHoldingsAsync(CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("getEscrowHoldings", new EmptyArgs(), Json.EmptyArgs, Json.EscrowHoldings, cancellationToken))!;

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        _gateway.GetEventsAsync(ProcurementChaincode.ChaincodeName, fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        _gateway.WatchEventsAsync(ProcurementChaincode.ChaincodeName, fromBlock, cancellationToken);

    private async Task<ProcurementReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(signer, function, arguments, type, cancellationToken);
        return new ProcurementReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events);
    }

    private Task<TResult?> EvaluateAsync<TArgs, TResult>(string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken, ISigner? reader = null) =>
        _chaincode.EvaluateAsync(reader, function, arguments, argumentType, resultType, cancellationToken);

    private static ISigner Required(ISigner reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader;
    }
}
