using System.Text;
using System.Xml.Linq;
using static ValueChain.Procurement.Tests.Ubl.UblSamples;

namespace ValueChain.Procurement.Tests.Ubl;

public sealed class ProcurementUblExportTests
{
    private static readonly XNamespace Cac = ProcurementUbl.AggregateNamespace;
    private static readonly XNamespace Cbc = ProcurementUbl.BasicNamespace;
    private static readonly ProcurementUblOptions Defaults = new();

    public static TheoryData<string> Documents => ["BOLT-7.2.quotation.xml", "ORD-1.order.xml", "ORD-1.receipt-advice.xml"];

    private static byte[] Export(string golden) => golden switch
    {
        "BOLT-7.2.quotation.xml" => ProcurementUblExport.ToQuotation(SampleQuotation, Defaults, Bolt),
        "ORD-1.order.xml" => ProcurementUblExport.ToOrder(SampleOrder, Defaults, Acme, Bolt),
        _ => ProcurementUblExport.ToReceiptAdvice(SampleOrder, Defaults, Acme, Bolt),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_matches_its_golden_file_byte_for_byte(string golden)
    {
        byte[] written = Export(golden);

        byte[] expected = File.ReadAllBytes(GoldenPath(golden));
        if (!written.AsSpan().SequenceEqual(expected))
        {
            // Beside the test binaries, for a reviewer to diff; the golden file stays what was reviewed.
            File.WriteAllBytes(GoldenPath(golden + ".actual"), written);
        }

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
        Assert.Equal(expected, written);
        Assert.False(written.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_follows_the_schema_order_and_has_every_required_element(string golden)
    {
        XElement root = XDocument.Parse(Encoding.UTF8.GetString(Export(golden))).Root!;

        UblSchemaOrder.Check(root);
        Assert.Equal(ProcurementUbl.Version, root.Element(Cbc + "UBLVersionID")!.Value);
        Assert.Equal(ProcurementUbl.CustomizationId, root.Element(Cbc + "CustomizationID")!.Value);
    }

    [Fact]
    public void The_schema_order_check_catches_a_swapped_or_missing_element()
    {
        XElement root = XDocument.Parse(Encoding.UTF8.GetString(Export("ORD-1.order.xml"))).Root!;
        XElement issueDate = root.Element(Cbc + "IssueDate")!;
        issueDate.Remove();
        root.Element(Cbc + "ID")!.AddBeforeSelf(issueDate);

        Assert.Contains("cbc:ID is out of the schema's order", Assert.ThrowsAny<Exception>(() => UblSchemaOrder.Check(root)).Message, StringComparison.Ordinal);
        issueDate.Remove();
        Assert.Contains("lacks the required cbc:IssueDate", Assert.ThrowsAny<Exception>(() => UblSchemaOrder.Check(root)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_quotation_carries_the_version_the_validity_the_supplier_and_the_price()
    {
        XElement root = XDocument.Parse(Encoding.UTF8.GetString(Export("BOLT-7.2.quotation.xml"))).Root!;

        Assert.Equal(XName.Get("Quotation", ProcurementUbl.QuotationNamespace), root.Name);
        Assert.Equal("7.2", root.Element(Cbc + "ID")!.Value);
        Assert.Equal(("2026-12-02", "09:30:00Z"), (root.Element(Cbc + "IssueDate")!.Value, root.Element(Cbc + "IssueTime")!.Value));
        XElement validity = root.Element(Cac + "ValidityPeriod")!;
        Assert.Equal(("2026-12-01", "2027-12-01"), (validity.Element(Cbc + "StartDate")!.Value, validity.Element(Cbc + "EndDate")!.Value));
        XElement party = root.Element(Cac + "SellerSupplierParty")!.Element(Cac + "Party")!;
        Assert.Equal(Supplier.ToString(), party.Element(Cbc + "EndpointID")!.Value);
        Assert.Equal("bolt", party.Element(Cac + "PartyIdentification")!.Element(Cbc + "ID")!.Value);
        Assert.Equal("Bolt & Nut <Supply> AG", party.Element(Cac + "PartyName")!.Element(Cbc + "Name")!.Value);
        XElement item = root.Element(Cac + "QuotationLine")!.Element(Cac + "LineItem")!;
        XElement price = item.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!;
        Assert.Equal(("12.34", "EUR"), (price.Value, price.Attribute("currencyID")!.Value));
        Assert.Equal("EA", item.Element(Cbc + "Quantity")!.Attribute("unitCode")!.Value);
        Assert.Equal("172800", item.Element(Cac + "Delivery")!.Element(Cac + "PromisedDeliveryPeriod")!.Element(Cbc + "DurationMeasure")!.Value);
        Assert.Equal("BOLT-M8", item.Element(Cac + "Item")!.Element(Cac + "SellersItemIdentification")!.Element(Cbc + "ID")!.Value);
    }

    [Fact]
    public void The_order_references_the_quotation_version_and_carries_the_escrowed_total()
    {
        XElement root = XDocument.Parse(Encoding.UTF8.GetString(Export("ORD-1.order.xml"))).Root!;

        Assert.Equal(XName.Get("Order", ProcurementUbl.OrderNamespace), root.Name);
        Assert.Equal("ORD-1", root.Element(Cbc + "ID")!.Value);
        Assert.Equal("2026-12-03", root.Element(Cbc + "IssueDate")!.Value);
        XElement reference = root.Element(Cac + "QuotationDocumentReference")!;
        Assert.Equal(("7.2", "2"), (reference.Element(Cbc + "ID")!.Value, reference.Element(Cbc + "VersionID")!.Value));
        XElement buyer = root.Element(Cac + "BuyerCustomerParty")!.Element(Cac + "Party")!;
        Assert.Equal(MachineAccount.ToString(), buyer.Element(Cbc + "EndpointID")!.Value);
        Assert.Equal(["acme", "MACHINE-1"], buyer.Elements(Cac + "PartyIdentification").Select(p => p.Element(Cbc + "ID")!.Value));
        Assert.Equal("493.60", root.Element(Cac + "AnticipatedMonetaryTotal")!.Element(Cbc + "PayableAmount")!.Value);
        XElement line = root.Element(Cac + "OrderLine")!;
        XElement quantity = line.Element(Cac + "LineItem")!.Element(Cbc + "Quantity")!;
        Assert.Equal(("40", "EA"), (quantity.Value, quantity.Attribute("unitCode")!.Value));
        Assert.Equal("7.2", line.Element(Cac + "QuotationLineReference")!.Element(Cac + "DocumentReference")!.Element(Cbc + "ID")!.Value);
        Assert.Equal(("2026-12-05", "10:00:00Z"), (root.Element(Cac + "Delivery")!.Element(Cac + "RequestedDeliveryPeriod")!.Element(Cbc + "EndDate")!.Value, root.Element(Cac + "Delivery")!.Element(Cac + "RequestedDeliveryPeriod")!.Element(Cbc + "EndTime")!.Value));
    }

    [Fact]
    public void The_receipt_advice_references_the_order_and_says_it_was_late()
    {
        XElement root = XDocument.Parse(Encoding.UTF8.GetString(Export("ORD-1.receipt-advice.xml"))).Root!;

        Assert.Equal(XName.Get("ReceiptAdvice", ProcurementUbl.ReceiptAdviceNamespace), root.Name);
        Assert.Equal(("ORD-1", "2026-12-05", "12:15:30Z"), (root.Element(Cbc + "ID")!.Value, root.Element(Cbc + "IssueDate")!.Value, root.Element(Cbc + "IssueTime")!.Value));
        Assert.Equal("ORD-1", root.Element(Cac + "OrderReference")!.Element(Cbc + "ID")!.Value);
        Assert.Equal("ACME Maschinenbau GmbH", root.Element(Cac + "DeliveryCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PartyName")!.Element(Cbc + "Name")!.Value);
        Assert.Equal(Supplier.ToString(), root.Element(Cac + "DespatchSupplierParty")!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!.Value);
        XElement line = root.Element(Cac + "ReceiptLine")!;
        Assert.Equal("40", line.Element(Cbc + "ReceivedQuantity")!.Value);
        Assert.Contains("2026-12-05T10:00:00Z", line.Element(Cbc + "TimingComplaint")!.Value, StringComparison.Ordinal);
        Assert.Equal("ORD-1", line.Element(Cac + "OrderLineReference")!.Element(Cac + "OrderReference")!.Element(Cbc + "ID")!.Value);

        XElement onTime = XDocument.Parse(Encoding.UTF8.GetString(ProcurementUblExport.ToReceiptAdvice(SampleOrder with { OnTime = true }, Defaults))).Root!;
        Assert.Null(onTime.Element(Cac + "ReceiptLine")!.Element(Cbc + "TimingComplaint"));
        Assert.Null(onTime.Element(Cac + "DeliveryCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PartyName"));
    }

    [Fact]
    public void The_output_depends_on_the_instants_not_the_offsets_they_are_given_in()
    {
        TimeSpan cet = TimeSpan.FromHours(1);
        Quotation shifted = SampleQuotation with
        {
            ValidFrom = SampleQuotation.ValidFrom.ToOffset(cet),
            ValidUntil = SampleQuotation.ValidUntil.ToOffset(cet),
            RecordedAt = SampleQuotation.RecordedAt.ToOffset(cet),
        };

        Assert.Equal(ProcurementUblExport.ToQuotation(SampleQuotation, Defaults, Bolt), ProcurementUblExport.ToQuotation(shifted, Defaults, Bolt));
        Assert.Equal(ProcurementUblExport.ToOrder(SampleOrder, Defaults), ProcurementUblExport.ToOrder(SampleOrder, Defaults));
    }

    [Fact]
    public void Currency_decimals_and_unit_codes_come_from_the_options()
    {
        var options = new ProcurementUblOptions { CurrencyId = "USD", TokenDecimals = 0, UnitCode = "C62" };
        options.UnitCodes["BOLT-M8"] = "H87";

        XElement root = XDocument.Parse(Encoding.UTF8.GetString(ProcurementUblExport.ToOrder(SampleOrder, options))).Root!;

        XElement total = root.Element(Cac + "AnticipatedMonetaryTotal")!.Element(Cbc + "PayableAmount")!;
        Assert.Equal(("49360", "USD"), (total.Value, total.Attribute("currencyID")!.Value));
        Assert.Equal("H87", root.Element(Cac + "OrderLine")!.Element(Cac + "LineItem")!.Element(Cbc + "Quantity")!.Attribute("unitCode")!.Value);
        Assert.Equal("C62", new ProcurementUblOptions { UnitCode = "C62" }.UnitCodeOf("OIL-5L"));
    }

    [Fact]
    public void A_receipt_of_an_order_that_did_not_arrive_is_refused_naming_the_status()
    {
        foreach (PurchaseOrder order in new[] { SampleOrder with { Status = OrderStatus.Open, ClosedAt = null, OnTime = null }, SampleOrder with { Status = OrderStatus.Cancelled, OnTime = null } })
        {
            var error = Assert.Throws<ProcurementUblException>(() => ProcurementUblExport.ToReceiptAdvice(order, Defaults));
            Assert.Equal((ProcurementErrorCodes.NotExportable, "status", ProcurementUblExport.ReceiptAdviceDocument), (error.Code, error.Field, error.Document));
            Assert.StartsWith("status:", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("closedAt", Assert.Throws<ProcurementUblException>(() => ProcurementUblExport.ToReceiptAdvice(SampleOrder with { ClosedAt = null }, Defaults)).Field);
    }

    [Fact]
    public void Records_that_break_the_models_rules_are_refused_naming_the_field()
    {
        Assert.Equal("quantity", Refused(() => ProcurementUblExport.ToOrder(SampleOrder with { Quantity = 0 }, Defaults)));
        Assert.Equal("total", Refused(() => ProcurementUblExport.ToOrder(SampleOrder with { Total = 1 }, Defaults)));
        Assert.Equal("orderId", Refused(() => ProcurementUblExport.ToOrder(SampleOrder with { OrderId = "ORD 1" }, Defaults)));
        Assert.Equal("quotationVersion", Refused(() => ProcurementUblExport.ToOrder(SampleOrder with { QuotationVersion = 0 }, Defaults)));
        Assert.Equal("machine", Refused(() => ProcurementUblExport.ToReceiptAdvice(SampleOrder with { Machine = Address.Zero }, Defaults)));
        Assert.Equal("pricePerUnit", Refused(() => ProcurementUblExport.ToQuotation(SampleQuotation with { PricePerUnit = 0 }, Defaults)));
        Assert.Equal("validUntil", Refused(() => ProcurementUblExport.ToQuotation(SampleQuotation with { ValidUntil = SampleQuotation.ValidFrom }, Defaults)));
        Assert.Equal("deliveryTime", Refused(() => ProcurementUblExport.ToQuotation(SampleQuotation with { DeliveryTime = TimeSpan.FromMilliseconds(1500) }, Defaults)));
        Assert.Equal("materialNumber", Refused(() => ProcurementUblExport.ToQuotation(SampleQuotation with { MaterialNumber = "" }, Defaults)));
        Assert.Equal("supplier.name", Refused(() => ProcurementUblExport.ToQuotation(SampleQuotation, Defaults, Bolt with { Name = "Bolt\u0001" })));
    }

    [Fact]
    public void Invalid_options_and_mismatched_companies_are_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => ProcurementUblExport.ToOrder(SampleOrder, new ProcurementUblOptions { CurrencyId = "eur", TokenDecimals = 19, UnitCode = "each" }));

        Assert.Contains("ProcurementUblOptions.CurrencyId", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProcurementUblOptions.TokenDecimals", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProcurementUblOptions.UnitCode", error.Message, StringComparison.Ordinal);
        Assert.Equal("supplier", Assert.Throws<ArgumentException>(() => ProcurementUblExport.ToOrder(SampleOrder, Defaults, Acme, Acme)).ParamName);
    }

    private static string Refused(Func<byte[]> export) => Assert.Throws<ProcurementUblException>(export).Field;
}
