using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement.Ethereum.Contracts;
using static ValueChain.Procurement.Ethereum.OnChainValues;

namespace ValueChain.Procurement.Ethereum;

public sealed partial class ProcurementEthereumAdapter
{
    // ---- Machines ----

    /// <inheritdoc />
    public Task<ProcurementReceipt> RegisterMachineAsync(ISigner engineer, MachineRegistration registration, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw ProcurementValidation.Invalid("registration", "a machine needs its registration.");
        }

        ProcurementMarket.Slot[] slots = [.. (registration.Slots ?? []).Select(Slot)];
        ulong interval = Seconds(registration.MaintenanceInterval, "maintenanceInterval");
        return SubmitAsync(() => Market(engineer).RegisterMachineAsync(OrNone(registration.MachineId), registration.Address, slots, interval, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> ReportConsumptionAsync(ISigner machine, string materialNumber, long quantity, CancellationToken cancellationToken = default)
    {
        ulong units = Quantity(quantity, "quantity");
        return SubmitAsync(() => Market(machine).ReportConsumptionAsync(OrNone(materialNumber), units, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Machine?> GetMachineAsync(string machineId, CancellationToken cancellationToken = default)
    {
        ProcurementValidation.RequireId(machineId, "machineId");
        // Both reads at once: the book state of a machine that does not exist is simply not used.
        Task<ProcurementMarket.Machine> machine = Market(null).MachineAsync(machineId, cancellationToken);
        Task<ProcurementBook.BookStateOutput> book = Book(null).BookStateAsync(machineId, cancellationToken);
        await Task.WhenAll(machine, book).ConfigureAwait(false);
        return machine.Result.Key == Address.Zero ? null : MachineOf(machine.Result, book.Result);
    }

    /// <inheritdoc />
    public async Task<Machine?> GetMachineByAddressAsync(Address machine, CancellationToken cancellationToken = default)
    {
        string machineId = await Market(null).MachineOfKeyAsync(machine, cancellationToken).ConfigureAwait(false);
        return machineId.Length == 0 ? null : await GetMachineAsync(machineId, cancellationToken).ConfigureAwait(false);
    }

    // ---- Quotations ----

    /// <inheritdoc />
    public async Task<ProcurementReceipt> CreateQuotationAsync(ISigner supplier, QuotationTerms terms, CancellationToken cancellationToken = default)
    {
        ProcurementMarket.Quotation onChain = Terms(terms);
        SentTransaction sent = await SendAsync(() => Market(supplier).CreateQuotationAsync(onChain, cancellationToken), cancellationToken).ConfigureAwait(false);
        ProcurementMarket.QuotationCreatedEvent created = ProcurementMarket.QuotationCreatedEvent.FromReceipt(sent.Receipt, _contracts.Market).Single();
        return new ProcurementReceipt(sent.TransactionId, sent.BlockNumber, sent.Events, (long)created.QuotationId);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> ReviseQuotationAsync(ISigner supplier, long quotationId, QuotationTerms terms, CancellationToken cancellationToken = default)
    {
        ProcurementMarket.Quotation onChain = Terms(terms);
        return SubmitAsync(() => Market(supplier).ReviseQuotationAsync(Id(quotationId), onChain, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveQuotationAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(buyer).ApproveQuotationAsync(Id(quotationId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> WithdrawApprovalAsync(ISigner buyer, long quotationId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(buyer).WithdrawApprovalAsync(Id(quotationId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<Quotation?> GetQuotationAsync(long quotationId, CancellationToken cancellationToken = default) =>
        QuotationOf(await Market(null).QuotationAsync(Id(quotationId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<Quotation?> GetQuotationVersionAsync(long quotationId, int version, CancellationToken cancellationToken = default) =>
        QuotationOf(await Market(null).QuotationVersionAsync(Id(quotationId), version < 1 ? 0 : (uint)version, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quotation>> GetQuotationVersionsAsync(long quotationId, CancellationToken cancellationToken = default) =>
        [.. (await Market(null).QuotationVersionsAsync(Id(quotationId), cancellationToken).ConfigureAwait(false)).Select(q => QuotationOf(q)!)];

    /// <inheritdoc />
    public async Task<QuotationStatus> GetApprovalStatusAsync(long quotationId, string companyId, CancellationToken cancellationToken = default)
    {
        ProcurementValidation.RequireId(companyId, "companyId");
        return await Market(null).IsApprovedAsync(Id(quotationId), companyId, cancellationToken).ConfigureAwait(false) ? QuotationStatus.Approved : QuotationStatus.NotApproved;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quotation>> GetSelectableQuotationsAsync(string companyId, string materialNumber, CancellationToken cancellationToken = default)
    {
        ProcurementValidation.RequireId(companyId, "companyId");
        ProcurementValidation.RequireId(materialNumber, "materialNumber");

        // The contract keeps a company's approvals in the order given (withdrawals swap the last in); the port lists them by id.
        return [.. (await Market(null).SelectableQuotationsAsync(companyId, materialNumber, cancellationToken).ConfigureAwait(false)).Select(q => QuotationOf(q)!).OrderBy(q => q.QuotationId)];
    }

    // ---- Orders ----

    /// <inheritdoc />
    public Task<ProcurementReceipt> PlaceOrderAsync(ISigner machine, OrderRequest order, CancellationToken cancellationToken = default)
    {
        if (order is null)
        {
            throw ProcurementValidation.Invalid("order", "an order needs its request.");
        }

        ulong quantity = Quantity(order.Quantity, "quantity");
        uint version = order.QuotationVersion < 1 ? 0 : (uint)order.QuotationVersion;
        return SubmitAsync(() => Market(machine).PlaceOrderAsync(OrNone(order.OrderId), OrNone(order.MaterialNumber), quantity, Id(order.QuotationId), version, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> BookServiceAsync(ISigner machine, string serviceId, Address engineer, string? orderId = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Book(machine).BookServiceAsync(OrNone(serviceId), engineer, OrNone(orderId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ConfirmArrivalAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(machine).ConfirmArrivalAsync(OrNone(orderId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> CancelOrderAsync(ISigner machine, string orderId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(machine).CancelOrderAsync(OrNone(orderId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<PurchaseOrder?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return OrderAsync(reader, OrNone(orderId), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PurchaseOrder>> GetMachineOrdersAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ProcurementValidation.RequireId(machineId, "machineId");
        IReadOnlyList<string> ids = await ReadAsync(() => Market(reader).MachineOrdersAsync(machineId, cancellationToken)).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        // The reads are independent: all in flight at once, the machine and the grace read once for all its orders.
        Task<ProcurementMarket.Machine> machine = Market(null).MachineAsync(machineId, cancellationToken);
        Task<ulong> grace = GraceAsync(cancellationToken);
        Task<(ProcurementMarket.Order Order, ProcurementMarket.Quotation Version)>[] reads = [.. ids.Select(id => OrderAndVersionAsync(reader, id, cancellationToken))];
        await Task.WhenAll([machine, grace, .. reads]).ConfigureAwait(false);

        // The contract keeps a machine's orders in the order placed; the port lists them by order id.
        return [.. ids.Select((id, i) => (Id: id, Read: reads[i].Result))
            .OrderBy(order => order.Id, StringComparer.Ordinal)
            .Select(order => OrderOf(order.Read.Order, machine.Result, order.Read.Version, grace.Result))];
    }

    /// <summary>An order read as <paramref name="reader"/>, with what the order record leaves to its machine and quotation version.</summary>
    internal async Task<PurchaseOrder?> OrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken)
    {
        ProcurementMarket.Order o = await ReadAsync(() => Market(reader).OrderAsync(orderId, cancellationToken)).ConfigureAwait(false);
        if (o.Status == 0)
        {
            return null;
        }

        Task<ProcurementMarket.Machine> machine = Market(null).MachineAsync(o.MachineId, cancellationToken);
        Task<ProcurementMarket.Quotation> version = Market(null).QuotationVersionAsync(o.QuotationId, o.QuotationVersion, cancellationToken);
        Task<ulong> grace = GraceAsync(cancellationToken);
        await Task.WhenAll(machine, version, grace).ConfigureAwait(false);
        return OrderOf(o, machine.Result, version.Result, grace.Result);
    }

    // A listed order (it exists) and the quotation version it was placed at.
    private async Task<(ProcurementMarket.Order Order, ProcurementMarket.Quotation Version)> OrderAndVersionAsync(ISigner reader, string orderId, CancellationToken cancellationToken)
    {
        ProcurementMarket.Order o = await ReadAsync(() => Market(reader).OrderAsync(orderId, cancellationToken)).ConfigureAwait(false);
        return (o, await Market(null).QuotationVersionAsync(o.QuotationId, o.QuotationVersion, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ServiceOrder?> GetServiceOrderAsync(ISigner reader, string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ProcurementValidation.RequireId(serviceId, "serviceId");
        return ServiceOf(await ReadAsync(() => Book(reader).ServiceOrderAsync(serviceId, cancellationToken)).ConfigureAwait(false));
    }

    // ---- Maintenance ----

    /// <inheritdoc />
    public Task<ProcurementReceipt> RecordMaintenanceAsync(ISigner engineer, MaintenanceRecord record, CancellationToken cancellationToken = default)
    {
        if (record is null)
        {
            throw ProcurementValidation.Invalid("record", "a maintenance entry needs its record.");
        }

        ProcurementBook.InstalledMaterial[] installed = record.Installed is null
            ? throw ProcurementValidation.Invalid("installed", "list 0 to 32 installed materials.")
            : [.. record.Installed.Select(Installed)];
        return SubmitAsync(() => Book(engineer).RecordMaintenanceAsync(OrNone(record.MachineId), OrNone(record.ServiceId), OrNone(record.Description), installed, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProcurementReceipt> GrantBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Book(admin).GrantBookAccessAsync(OrNone(machineId), grantee, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RevokeBookAccessAsync(ISigner admin, string machineId, Address grantee, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Book(admin).RevokeBookAccessAsync(OrNone(machineId), grantee, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenanceEntry>> GetMaintenanceBookAsync(ISigner reader, string machineId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ProcurementValidation.RequireId(machineId, "machineId");
        return [.. (await ReadAsync(() => Book(reader).BookAsync(machineId, cancellationToken)).ConfigureAwait(false)).Select(EntryOf)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookGrant>> GetGrantsAsync(string machineId, CancellationToken cancellationToken = default)
    {
        ProcurementValidation.RequireId(machineId, "machineId");
        // The contract keeps a machine's grants in the order first granted; the port lists them by grantee address.
        return [.. (await ReadAsync(() => Book(null).GrantsAsync(machineId, cancellationToken)).ConfigureAwait(false)).Select(GrantOf).OrderBy(g => g.Grantee.ToLowerHex(), StringComparer.Ordinal)];
    }
}
