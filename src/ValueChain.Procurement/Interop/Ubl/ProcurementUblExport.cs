using System.Globalization;

namespace ValueChain.Procurement;

/// <summary>
/// Writes ledger records as OASIS UBL 2.1 documents: a quotation version as a <c>Quotation</c>, an order as an
/// <c>Order</c> and an order's arrival as a <c>ReceiptAdvice</c>. The elements are those of the UBL 2.1 schemas, in
/// their order; ids and references are the ledger's (see the package README for the mapping). The output is
/// UTF-8 XML without a byte order mark, indented by two spaces, and deterministic: the same records and options
/// give the same bytes.
/// </summary>
public static class ProcurementUblExport
{
    /// <summary>The UBL root element of a quotation version.</summary>
    public const string QuotationDocument = "Quotation";

    /// <summary>The UBL root element of an order.</summary>
    public const string OrderDocument = "Order";

    /// <summary>The UBL root element of an order's arrival.</summary>
    public const string ReceiptAdviceDocument = "ReceiptAdvice";

    private const string LineId = "1";

    /// <summary>
    /// One version of a quotation as a UBL Quotation of one unit: id <c>{quotationId}.{version}</c>, issued at the
    /// version's ledger time, the validity window, the supplier as seller, the price per unit and the promised
    /// delivery time in seconds.
    /// </summary>
    /// <param name="quotation">The version to export.</param>
    /// <param name="options">Currency and units.</param>
    /// <param name="supplier">The supplier's company, for its name; null leaves the name out.</param>
    /// <exception cref="ProcurementUblException">A field of the quotation cannot be exported (the exception names it).</exception>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="supplier"/> is another company than the quotation's.</exception>
    public static byte[] ToQuotation(Quotation quotation, ProcurementUblOptions options, Company? supplier = null)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        CheckOptions(options);
        CheckCompany(supplier, quotation.SupplierCompany, nameof(supplier));
        var check = new Checks(QuotationDocument);
        check.Id(quotation.QuotationId, "quotationId");
        check.Version(quotation.Version, "version");
        check.Account(quotation.Supplier, "supplier");
        check.Text(quotation.SupplierCompany, "supplierCompany");
        check.Text(quotation.MaterialNumber, "materialNumber");
        check.Price(quotation.PricePerUnit, "pricePerUnit");
        check.That(quotation.ValidFrom < quotation.ValidUntil, "validUntil", "the validity window ends before it starts.");
        check.That(quotation.DeliveryTime > TimeSpan.Zero && quotation.DeliveryTime.Ticks % TimeSpan.TicksPerSecond == 0, "deliveryTime", "a promised delivery time is whole seconds above zero.");

        using var w = new UblWriter(QuotationDocument, ProcurementUbl.QuotationNamespace, options);
        w.Basic("ID", ProcurementUbl.QuotationDocumentId(quotation.QuotationId, quotation.Version));
        w.Date("IssueDate", quotation.RecordedAt);
        w.Time("IssueTime", quotation.RecordedAt);
        w.Basic("PricingCurrencyCode", options.CurrencyId);
        w.Open("ValidityPeriod");
        w.Date("StartDate", quotation.ValidFrom);
        w.Time("StartTime", quotation.ValidFrom);
        w.Date("EndDate", quotation.ValidUntil);
        w.Time("EndTime", quotation.ValidUntil);
        w.Close();
        w.Party("SellerSupplierParty", quotation.SupplierCompany, quotation.Supplier, supplier, null, nameof(supplier));
        MonetaryTotal(w, "QuotedMonetaryTotal", quotation.PricePerUnit);
        w.Open("QuotationLine");
        w.Basic("ID", LineId);
        w.Open("LineItem");
        w.Basic("ID", LineId);
        w.Quantity("Quantity", 1, quotation.MaterialNumber);
        w.Amount("LineExtensionAmount", quotation.PricePerUnit);
        w.Open("Delivery");
        w.Open("PromisedDeliveryPeriod");
        w.Basic("DurationMeasure", ((long)quotation.DeliveryTime.TotalSeconds).ToString(CultureInfo.InvariantCulture), "unitCode", ProcurementUbl.SecondUnitCode);
        w.Close();
        w.Close();
        Price(w, quotation.PricePerUnit, quotation.MaterialNumber);
        w.Item(quotation.MaterialNumber);
        w.Close();
        w.Close();
        return w.Finish();
    }

    /// <summary>
    /// An order as a UBL Order: id the order id, issued at the order's ledger time, referencing the quotation
    /// document and version it was placed on, the machine's company (with the machine) as buyer, the supplier as
    /// seller, the requested delivery time, and one line of price × quantity (the amount held in escrow).
    /// </summary>
    /// <param name="order">The order, in any status (the document is the order as placed).</param>
    /// <param name="options">Currency and units.</param>
    /// <param name="buyer">The machine's company, for its name; null leaves the name out.</param>
    /// <param name="supplier">The supplier's company, for its name; null leaves the name out.</param>
    /// <exception cref="ProcurementUblException">A field of the order cannot be exported (the exception names it).</exception>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    /// <exception cref="ArgumentException">A company given is another than the order's.</exception>
    public static byte[] ToOrder(PurchaseOrder order, ProcurementUblOptions options, Company? buyer = null, Company? supplier = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckOptions(options);
        CheckOrder(order, OrderDocument, buyer, supplier);

        using var w = new UblWriter(OrderDocument, ProcurementUbl.OrderNamespace, options);
        w.Basic("ID", order.OrderId);
        w.Date("IssueDate", order.OrderedAt);
        w.Time("IssueTime", order.OrderedAt);
        w.Basic("DocumentCurrencyCode", options.CurrencyId);
        w.Open("QuotationDocumentReference");
        w.Basic("ID", ProcurementUbl.QuotationDocumentId(order.QuotationId, order.QuotationVersion));
        w.Basic("VersionID", order.QuotationVersion.ToString(CultureInfo.InvariantCulture));
        w.Close();
        w.Party("BuyerCustomerParty", order.CompanyId, order.Machine, buyer, order.MachineId, nameof(buyer));
        w.Party("SellerSupplierParty", order.SupplierCompany, order.Supplier, supplier, null, nameof(supplier));
        w.Open("Delivery");
        w.Open("RequestedDeliveryPeriod");
        w.Date("EndDate", order.RequestedBy);
        w.Time("EndTime", order.RequestedBy);
        w.Close();
        w.Close();
        MonetaryTotal(w, "AnticipatedMonetaryTotal", order.Total);
        w.Open("OrderLine");
        w.Open("LineItem");
        w.Basic("ID", LineId);
        w.Quantity("Quantity", order.Quantity, order.MaterialNumber);
        w.Amount("LineExtensionAmount", order.Total);
        Price(w, order.PricePerUnit, order.MaterialNumber);
        w.Item(order.MaterialNumber);
        w.Close();
        w.Open("QuotationLineReference");
        w.Basic("LineID", LineId);
        w.Open("DocumentReference");
        w.Basic("ID", ProcurementUbl.QuotationDocumentId(order.QuotationId, order.QuotationVersion));
        w.Close();
        w.Close();
        w.Close();
        return w.Finish();
    }

    /// <summary>
    /// The arrival of an order as a UBL ReceiptAdvice: id the order id (an order arrives once), issued at the
    /// arrival's ledger time, referencing the order, the machine's company (with the machine) as delivery customer,
    /// the supplier as despatch supplier, and one line with the quantity received, the date, and a timing complaint
    /// when it arrived after the requested time.
    /// </summary>
    /// <param name="order">The order; it must have arrived (<see cref="OrderStatus.Closed"/>).</param>
    /// <param name="options">Units.</param>
    /// <param name="buyer">The machine's company, for its name; null leaves the name out.</param>
    /// <param name="supplier">The supplier's company, for its name; null leaves the name out.</param>
    /// <exception cref="ProcurementUblException">The order has not arrived (<c>status</c>), or another field cannot be exported (the exception names it).</exception>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    /// <exception cref="ArgumentException">A company given is another than the order's.</exception>
    public static byte[] ToReceiptAdvice(PurchaseOrder order, ProcurementUblOptions options, Company? buyer = null, Company? supplier = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckOptions(options);
        CheckOrder(order, ReceiptAdviceDocument, buyer, supplier);
        var check = new Checks(ReceiptAdviceDocument);
        check.That(order.Status is OrderStatus.Closed or OrderStatus.Delivered, "status", $"the order is {order.Status}; only an order that arrived has a receipt.");
        check.That(order.ClosedAt is not null, "closedAt", "an order that arrived has the ledger time of its arrival.");
        check.That(order.OnTime is not null, "onTime", "an order that arrived was either on time or late.");
        DateTimeOffset arrivedAt = order.ClosedAt!.Value;

        using var w = new UblWriter(ReceiptAdviceDocument, ProcurementUbl.ReceiptAdviceNamespace, options);
        w.Basic("ID", order.OrderId);
        w.Date("IssueDate", arrivedAt);
        w.Time("IssueTime", arrivedAt);
        w.Open("OrderReference");
        w.Basic("ID", order.OrderId);
        w.Date("IssueDate", order.OrderedAt);
        w.Time("IssueTime", order.OrderedAt);
        w.Close();
        w.Party("DeliveryCustomerParty", order.CompanyId, order.Machine, buyer, order.MachineId, nameof(buyer));
        w.Party("DespatchSupplierParty", order.SupplierCompany, order.Supplier, supplier, null, nameof(supplier));
        w.Open("ReceiptLine");
        w.Basic("ID", LineId);
        w.Quantity("ReceivedQuantity", order.Quantity, order.MaterialNumber);
        w.Date("ReceivedDate", arrivedAt);
        if (order.OnTime == false)
        {
            w.Basic("TimingComplaint", $"Arrived after the requested time {UblTimes.Date(order.RequestedBy)}T{UblTimes.Time(order.RequestedBy)}.");
        }

        w.Open("OrderLineReference");
        w.Basic("LineID", LineId);
        w.Open("OrderReference");
        w.Basic("ID", order.OrderId);
        w.Close();
        w.Close();
        w.Item(order.MaterialNumber);
        w.Close();
        return w.Finish();
    }

    private static void MonetaryTotal(UblWriter w, string name, UInt256 amount)
    {
        w.Open(name);
        w.Amount("LineExtensionAmount", amount);
        w.Amount("PayableAmount", amount);
        w.Close();
    }

    private static void Price(UblWriter w, UInt256 pricePerUnit, string materialNumber)
    {
        w.Open("Price");
        w.Amount("PriceAmount", pricePerUnit);
        w.Quantity("BaseQuantity", 1, materialNumber);
        w.Close();
    }

    private static void CheckOptions(ProcurementUblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
    }

    private static void CheckCompany(Company? company, string companyId, string parameter)
    {
        if (company is not null && !string.Equals(company.CompanyId, companyId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The company {company.CompanyId} is not the record's company {companyId}.", parameter);
        }
    }

    private static void CheckOrder(PurchaseOrder order, string document, Company? buyer, Company? supplier)
    {
        CheckCompany(buyer, order.CompanyId, nameof(buyer));
        CheckCompany(supplier, order.SupplierCompany, nameof(supplier));
        var check = new Checks(document);
        check.Text(order.OrderId, "orderId");
        check.Text(order.MachineId, "machineId");
        check.Account(order.Machine, "machine");
        check.Text(order.CompanyId, "companyId");
        check.Id(order.QuotationId, "quotationId");
        check.Version(order.QuotationVersion, "quotationVersion");
        check.Account(order.Supplier, "supplier");
        check.Text(order.SupplierCompany, "supplierCompany");
        check.Text(order.MaterialNumber, "materialNumber");
        check.That(order.Quantity is >= 1 and <= ProcurementValidation.MaxQuantity, "quantity", $"{order.Quantity} is not a quantity of 1 to {ProcurementValidation.MaxQuantity}.");
        check.Price(order.PricePerUnit, "pricePerUnit");
        check.That(order.Total.Value == order.PricePerUnit.Value * order.Quantity, "total", $"{order.Total} is not the price {order.PricePerUnit} × the quantity {order.Quantity}.");
    }

    /// <summary>The refusals shared by the documents, each naming the field.</summary>
    private readonly struct Checks(string document)
    {
        public void That(bool condition, string field, string reason)
        {
            if (!condition)
            {
                throw new ProcurementUblException(document, field, reason);
            }
        }

        public void Id(long id, string field) => That(id >= 1, field, $"{id} is not a ledger id (they count from 1).");

        public void Version(int version, string field) => That(version >= 1, field, $"{version} is not a version (they count from 1).");

        public void Account(Address address, string field) => That(!address.IsZero, field, "the zero address is no party's account.");

        public void Text(string? id, string field) => That(ProcurementValidation.IsValidId(id), field, $"'{id}' is not an id of 1 to 64 printable characters without spaces.");

        public void Price(UInt256 price, string field) => That(!price.IsZero, field, "a price is above zero.");
    }
}
