using System.Runtime.CompilerServices;
using System.Text.Json;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>
/// What a participant's application calls: the marketplace bound to one signer (a user or a machine), so every
/// command is signed by it and every restricted read is asked as it; with the off-chain ranking.
/// </summary>
public sealed partial class ProcurementClient
{
    private readonly IProcurementContract _contract;
    private readonly ISigner _signer;
    private readonly int _startingRate;
    private readonly ProcurementUblOptions _ubl;

    /// <summary>
    /// Creates a client acting as <paramref name="signer"/>; suppliers without history rank at <paramref name="startingRate"/> basis points,
    /// and UBL exports use <paramref name="ubl"/> (the defaults when null).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The starting rate is outside 0 to 10 000.</exception>
    public ProcurementClient(IProcurementContract contract, ISigner signer, int startingRate = 5_000, ProcurementUblOptions? ubl = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentOutOfRangeException.ThrowIfNegative(startingRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startingRate, SupplierEvaluation.FullRate);
        _contract = contract;
        _signer = signer;
        _startingRate = startingRate;
        _ubl = ubl ?? new ProcurementUblOptions();
    }

    /// <summary>The acting participant's address.</summary>
    public Address Address => _signer.Address;

    /// <summary>The port, for queries that need no identity.</summary>
    public IProcurementContract Contract => _contract;

    /// <summary>Invites a user (this user must be an admin).</summary>
    public Task<ProcurementReceipt> InviteAsync(Address invitee, string name, ProcurementRole role, string companyId, string? companyName = null, CancellationToken cancellationToken = default) =>
        _contract.InviteAsync(_signer, invitee, name, role, companyId, companyName, cancellationToken);

    /// <summary>Approves an invitation (this user must be an admin).</summary>
    public Task<ProcurementReceipt> ApproveInvitationAsync(Address invitee, CancellationToken cancellationToken = default) => _contract.ApproveInvitationAsync(_signer, invitee, cancellationToken);

    /// <summary>Registers a machine of this engineer's company.</summary>
    public Task<ProcurementReceipt> RegisterMachineAsync(MachineRegistration registration, CancellationToken cancellationToken = default) => _contract.RegisterMachineAsync(_signer, registration, cancellationToken);

    /// <summary>Publishes a quotation as this supplier; the receipt carries its id.</summary>
    public Task<ProcurementReceipt> CreateQuotationAsync(QuotationTerms terms, CancellationToken cancellationToken = default) => _contract.CreateQuotationAsync(_signer, terms, cancellationToken);

    /// <summary>Changes this supplier's quotation's price or validity (a new version).</summary>
    public Task<ProcurementReceipt> ReviseQuotationAsync(long quotationId, QuotationTerms terms, CancellationToken cancellationToken = default) => _contract.ReviseQuotationAsync(_signer, quotationId, terms, cancellationToken);

    /// <summary>Approves a quotation for this buyer's company.</summary>
    public Task<ProcurementReceipt> ApproveQuotationAsync(long quotationId, CancellationToken cancellationToken = default) => _contract.ApproveQuotationAsync(_signer, quotationId, cancellationToken);

    /// <summary>Withdraws this buyer's company's approval.</summary>
    public Task<ProcurementReceipt> WithdrawApprovalAsync(long quotationId, CancellationToken cancellationToken = default) => _contract.WithdrawApprovalAsync(_signer, quotationId, cancellationToken);

    /// <summary>Lets the escrow take this machine's order payments (an unlimited allowance by default).</summary>
    public Task<ProcurementReceipt> ApproveEscrowAsync(UInt256? amount = null, CancellationToken cancellationToken = default) =>
        _contract.ApproveAsync(_signer, _contract.EscrowAccount, amount ?? UInt256.MaxValue, cancellationToken);

    /// <summary>Records this machine's use of material.</summary>
    public Task<ProcurementReceipt> ReportConsumptionAsync(string materialNumber, long quantity, CancellationToken cancellationToken = default) => _contract.ReportConsumptionAsync(_signer, materialNumber, quantity, cancellationToken);

    /// <summary>Places an order as this machine.</summary>
    public Task<ProcurementReceipt> PlaceOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) => _contract.PlaceOrderAsync(_signer, order, cancellationToken);

    /// <summary>Books a service engineer for this machine.</summary>
    public Task<ProcurementReceipt> BookServiceAsync(string serviceId, Address engineer, string? orderId = null, CancellationToken cancellationToken = default) => _contract.BookServiceAsync(_signer, serviceId, engineer, orderId, cancellationToken);

    /// <summary>Confirms the arrival of this machine's order (the scanned order id).</summary>
    public Task<ProcurementReceipt> ConfirmArrivalAsync(string orderId, CancellationToken cancellationToken = default) => _contract.ConfirmArrivalAsync(_signer, orderId, cancellationToken);

    /// <summary>Cancels this machine's overdue order and takes the refund.</summary>
    public Task<ProcurementReceipt> CancelOrderAsync(string orderId, CancellationToken cancellationToken = default) => _contract.CancelOrderAsync(_signer, orderId, cancellationToken);

    /// <summary>Records maintenance as this service engineer.</summary>
    public Task<ProcurementReceipt> RecordMaintenanceAsync(MaintenanceRecord record, CancellationToken cancellationToken = default) => _contract.RecordMaintenanceAsync(_signer, record, cancellationToken);

    /// <summary>Grants a third party reads of a machine's book (this user must be its company's admin).</summary>
    public Task<ProcurementReceipt> GrantBookAccessAsync(string machineId, Address grantee, CancellationToken cancellationToken = default) => _contract.GrantBookAccessAsync(_signer, machineId, grantee, cancellationToken);

    /// <summary>Revokes a grant (this user must be its company's admin).</summary>
    public Task<ProcurementReceipt> RevokeBookAccessAsync(string machineId, Address grantee, CancellationToken cancellationToken = default) => _contract.RevokeBookAccessAsync(_signer, machineId, grantee, cancellationToken);

    /// <summary>An order, read as this participant.</summary>
    public Task<PurchaseOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) => _contract.GetOrderAsync(_signer, orderId, cancellationToken);

    /// <summary>A machine's orders, read as this participant.</summary>
    public Task<IReadOnlyList<PurchaseOrder>> GetMachineOrdersAsync(string machineId, CancellationToken cancellationToken = default) => _contract.GetMachineOrdersAsync(_signer, machineId, cancellationToken);

    /// <summary>A machine's maintenance book, read as this participant (own company, the machine, or a grant).</summary>
    public Task<IReadOnlyList<MaintenanceEntry>> GetMaintenanceBookAsync(string machineId, CancellationToken cancellationToken = default) => _contract.GetMaintenanceBookAsync(_signer, machineId, cancellationToken);

    /// <summary>This participant's token balance.</summary>
    public Task<UInt256> GetBalanceAsync(CancellationToken cancellationToken = default) => _contract.BalanceOfAsync(Address, cancellationToken);

    /// <summary>
    /// The quotations a company's machines may order for a material now, best first by <see cref="QuotationRanking"/>,
    /// each with the supplier rate it was ranked by (the starting rate for a supplier without history).
    /// </summary>
    public async Task<IReadOnlyList<RankedQuotation>> RankAsync(string companyId, string materialNumber, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Quotation> selectable = await _contract.GetSelectableQuotationsAsync(companyId, materialNumber, cancellationToken);
        var rates = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranked = new List<RankedQuotation>(selectable.Count);
        foreach (Quotation quotation in selectable)
        {
            if (!rates.TryGetValue(quotation.SupplierCompany, out int rate))
            {
                rate = rates[quotation.SupplierCompany] = (await _contract.GetCompanyAsync(quotation.SupplierCompany, cancellationToken))?.Evaluation.RateOr(_startingRate) ?? _startingRate;
            }

            ranked.Add(new RankedQuotation(quotation, rate));
        }

        Dictionary<long, RankedQuotation> byId = ranked.ToDictionary(r => r.Quotation.QuotationId);
        return [.. QuotationRanking.Order(ranked.Select(r => r.Candidate)).Select(c => byId[c.QuotationId])];
    }

    /// <summary>
    /// As this machine: ranks the quotations for one of its slots and orders <paramref name="quantity"/> from the
    /// best, at the version ranked. Returns the chosen quotation, or null when none is selectable.
    /// </summary>
    /// <exception cref="ChaincodeException">This signer is no registered machine (<see cref="ErrorCodes.Unauthorized"/>), or the contract refused the order.</exception>
    public async Task<RankedQuotation?> OrderBestAsync(string orderId, string materialNumber, long quantity, CancellationToken cancellationToken = default)
    {
        Machine machine = await _contract.GetMachineByAddressAsync(Address, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{Address} is not a registered machine.");
        return (await OrderBestAsync(machine.CompanyId, orderId, materialNumber, quantity, cancellationToken)).Best;
    }

    // The order of a machine whose company the caller has just read (the agent, in its pass), with the order as placed:
    // the receipt's OrderPlaced event carries it, so nobody needs to read it back.
    internal async Task<(RankedQuotation? Best, PurchaseOrder? Placed)> OrderBestAsync(string companyId, string orderId, string materialNumber, long quantity, CancellationToken cancellationToken)
    {
        IReadOnlyList<RankedQuotation> ranked = await RankAsync(companyId, materialNumber, cancellationToken);
        if (ranked.Count == 0)
        {
            return (null, null);
        }

        RankedQuotation best = ranked[0];
        ProcurementReceipt receipt = await _contract.PlaceOrderAsync(_signer, new OrderRequest(orderId, materialNumber, best.Quotation.QuotationId, best.Quotation.Version, quantity), cancellationToken);
        LedgerEvent? placed = receipt.Events.FirstOrDefault(e => e.Name == ProcurementEvents.OrderPlaced);
        return (best, placed is null ? null : JsonSerializer.Deserialize(placed.PayloadJson, ProcurementJsonContext.Default.PurchaseOrder));
    }

    /// <summary>Orders that arrive, are cancelled or placed, as they are recorded, from <paramref name="fromBlock"/> on, until cancelled.</summary>
    public async IAsyncEnumerable<PurchaseOrder> WatchOrdersAsync(long fromBlock = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LedgerEvent e in _contract.WatchEventsAsync(fromBlock, cancellationToken))
        {
            if (e.Name is ProcurementEvents.OrderPlaced or ProcurementEvents.OrderDelivered or ProcurementEvents.OrderCancelled)
            {
                yield return JsonSerializer.Deserialize(e.PayloadJson, ProcurementJsonContext.Default.PurchaseOrder)!;
            }
        }
    }
}
