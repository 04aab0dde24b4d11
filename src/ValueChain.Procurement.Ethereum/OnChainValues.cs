using Book = ValueChain.Procurement.Ethereum.Contracts.ProcurementBook;
using Market = ValueChain.Procurement.Ethereum.Contracts.ProcurementMarket;

namespace ValueChain.Procurement.Ethereum;

/// <summary>
/// The conversions between the port's models and the contracts' ABI values: what an ABI value cannot carry (a negative
/// quantity, a time before 1970 or between seconds) is refused here, as the chaincode refuses it, with
/// <see cref="ErrorCodes.InvalidFormat"/> naming the field; the contracts check the rest.
/// </summary>
internal static class OnChainValues
{
    // The contracts' numbering of order states (1 open, 2 closed, 3 cancelled); the port's has Delivered in between.
    private const byte OrderClosed = 2;
    private const byte OrderCancelled = 3;

    public static DateTimeOffset Time(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds);

    public static DateTimeOffset? TimeOrNull(ulong seconds) => seconds == 0 ? null : Time(seconds);

    public static ulong Quantity(long quantity, string field) =>
        quantity < 0 ? throw ProcurementValidation.Invalid(field, $"{quantity} is not a quantity: use 1 to {ProcurementValidation.MaxQuantity}.") : (ulong)quantity;

    public static ulong Seconds(TimeSpan span, string field) =>
        span < TimeSpan.Zero || span.Ticks % TimeSpan.TicksPerSecond != 0
            ? throw ProcurementValidation.Invalid(field, $"{span} must be whole seconds above zero.")
            : (ulong)(span.Ticks / TimeSpan.TicksPerSecond);

    public static ulong Unix(DateTimeOffset time, string field) =>
        time < DateTimeOffset.UnixEpoch || time.Ticks % TimeSpan.TicksPerSecond != 0
            ? throw ProcurementValidation.Invalid(field, $"{time:O} is not a block time: on Ethereum times are whole seconds from 1970.")
            : (ulong)time.ToUnixTimeSeconds();

    // Ids below 1 name nothing on either ledger; 0 is the contracts' "none".
    public static ulong Id(long id) => id < 1 ? 0 : (ulong)id;

    public static string OrNone(string? text) => text ?? "";

    public static string? NoneAsNull(string text) => text.Length == 0 ? null : text;

    public static Market.Quotation Terms(QuotationTerms? terms) =>
        terms is null
            ? throw ProcurementValidation.Invalid("terms", "a quotation needs its terms.")
            : new(0, 0, Address.Zero, "", OrNone(terms.MaterialNumber), terms.PricePerUnit, Unix(terms.ValidFrom, "validFrom"), Unix(terms.ValidUntil, "validUntil"), Seconds(terms.DeliveryTime, "deliveryTime"), 0);

    public static Market.Slot Slot(MaterialSlot? slot) =>
        slot is null
            ? throw ProcurementValidation.Invalid("slots", "a slot is missing.")
            : new(OrNone(slot.MaterialNumber), Quantity(slot.Stock, "slots.stock"), Quantity(slot.ReorderThreshold, "slots.reorderThreshold"), Quantity(slot.Capacity, "slots.capacity"));

    public static Book.InstalledMaterial Installed(InstalledMaterial? installed) =>
        installed is null
            ? throw ProcurementValidation.Invalid("installed", "an installed material is missing.")
            : new(OrNone(installed.MaterialNumber), Quantity(installed.Quantity, "installed.quantity"));

    public static Quotation? QuotationOf(Market.Quotation q) =>
        q.QuotationId == 0
            ? null
            : new((long)q.QuotationId, (int)q.Version, q.Supplier, q.SupplierCompany, q.MaterialNumber, q.PricePerUnit, Time(q.ValidFrom), Time(q.ValidUntil), TimeSpan.FromSeconds(q.DeliveryTime), Time(q.RecordedAt));

    public static Machine MachineOf(Market.Machine m, Book.BookStateOutput book) =>
        new(m.MachineId, m.Key, m.CompanyId, [.. m.Slots.Select(s => new MaterialSlot(s.MaterialNumber, (long)s.Stock, (long)s.ReorderThreshold, (long)s.Capacity))],
            TimeSpan.FromSeconds(m.MaintenanceInterval), m.RegisteredBy, Time(m.RegisteredAt), TimeOrNull(book.LastMaintenanceAt), (long)book.Length);

    public static PurchaseOrder OrderOf(Market.Order o, Market.Machine machine, Market.Quotation version, ulong grace)
    {
        OrderStatus status = o.Status switch
        {
            OrderClosed => OrderStatus.Closed,
            OrderCancelled => OrderStatus.Cancelled,
            _ => OrderStatus.Open,
        };
        return new PurchaseOrder(
            o.OrderId, o.MachineId, machine.Key, machine.CompanyId, (long)o.QuotationId, (int)o.QuotationVersion, version.Supplier, version.SupplierCompany, version.MaterialNumber,
            (long)o.Quantity, version.PricePerUnit, version.PricePerUnit * new UInt256(o.Quantity), Time(o.PlacedAt), Time(o.RequestedBy), Time(o.RequestedBy + grace),
            status, TimeOrNull(o.ClosedAt), status == OrderStatus.Closed ? o.OnTime : null);
    }

    public static ServiceOrder? ServiceOf(Book.ServiceOrder s) =>
        s.Status == 0 ? null : new(s.ServiceId, s.MachineId, s.Engineer, NoneAsNull(s.OrderId), Time(s.BookedAt), (ServiceStatus)s.Status, TimeOrNull(s.ClosedAt));

    public static MaintenanceEntry EntryOf(Book.Entry e) =>
        new(e.MachineId, (long)e.Sequence, e.Engineer, Time(e.RecordedAt), NoneAsNull(e.ServiceId), e.Description,
            [.. e.Installed.Select(i => new InstalledMaterial(i.MaterialNumber, (long)i.Quantity))], e.PreviousHash, e.Hash);

    public static BookGrant GrantOf(Book.Grant g) => new(g.MachineId, g.Grantee, g.GrantedBy, Time(g.GrantedAt), TimeOrNull(g.RevokedAt));

    public static SupplierEvaluation EvaluationOf(Market.Evaluation e) => new((long)e.Deliveries, (long)e.OnTimeDeliveries, (long)e.FailedDeliveries);
}
