using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ValueChain.Procurement;

/// <summary>
/// Reads UBL 2.1 documents of this package's customization (<see cref="ProcurementUbl.CustomizationId"/>) back:
/// a Quotation as the <see cref="Procurement.Quotation"/> version it was written from, and an Order as the
/// <see cref="OrderRequest"/> a machine submits (so that an ERP's UBL order can be placed on the ledger).
/// </summary>
public static class ProcurementUblImport
{
    private static readonly XNamespace Cac = ProcurementUbl.AggregateNamespace;
    private static readonly XNamespace Cbc = ProcurementUbl.BasicNamespace;

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The quotation version a UBL Quotation written by <see cref="ProcurementUblExport.ToQuotation"/> holds.</summary>
    /// <param name="document">The document's bytes.</param>
    /// <param name="options">The currency and units it was written with.</param>
    /// <exception cref="ValueChainFormatException">It is not such a document, or a field is missing or malformed (the exception names its path).</exception>
    public static Quotation ParseQuotation(byte[] document, ProcurementUblOptions options)
    {
        var read = new Reader(Load(document, ProcurementUblExport.QuotationDocument, ProcurementUbl.QuotationNamespace), ProcurementUblExport.QuotationDocument, options);
        (long quotationId, int version) = read.QuotationId(read.Text(Cbc + "ID"), "cbc:ID");
        XElement party = read.Element(Cac + "SellerSupplierParty", Cac + "Party");
        XElement line = read.Element(Cac + "QuotationLine", Cac + "LineItem");
        string material = read.Material(line);
        XElement duration = read.Element(line, Cac + "Delivery", Cac + "PromisedDeliveryPeriod", Cbc + "DurationMeasure");
        read.Attribute(duration, "unitCode", ProcurementUbl.SecondUnitCode, "cac:QuotationLine/cac:LineItem/cac:Delivery/cac:PromisedDeliveryPeriod/cbc:DurationMeasure");
        long seconds = read.Number(duration.Value, 1, (long)TimeSpan.MaxValue.TotalSeconds, "cbc:DurationMeasure");
        return new Quotation(
            quotationId,
            version,
            read.Account(party),
            read.Company(party),
            material,
            read.Amount(read.Element(line, Cac + "Price", Cbc + "PriceAmount"), "cac:Price/cbc:PriceAmount"),
            read.Time(read.Root, "cac:ValidityPeriod", Cac + "ValidityPeriod", "Start"),
            read.Time(read.Root, "cac:ValidityPeriod", Cac + "ValidityPeriod", "End"),
            TimeSpan.FromSeconds(seconds),
            read.Time(read.Root, ProcurementUblExport.QuotationDocument, null, "Issue"));
    }

    /// <summary>What a UBL Order written by <see cref="ProcurementUblExport.ToOrder"/> asks a machine to order.</summary>
    /// <param name="document">The document's bytes.</param>
    /// <param name="options">The units it was written with.</param>
    /// <exception cref="ValueChainFormatException">It is not such a document, or a field is missing or malformed (the exception names its path).</exception>
    public static OrderRequest ParseOrder(byte[] document, ProcurementUblOptions options)
    {
        var read = new Reader(Load(document, ProcurementUblExport.OrderDocument, ProcurementUbl.OrderNamespace), ProcurementUblExport.OrderDocument, options);
        string orderId = read.Id(read.Text(Cbc + "ID"), "cbc:ID");
        XElement reference = read.Element(Cac + "QuotationDocumentReference");
        (long quotationId, int version) = read.QuotationId(read.Text(reference, Cbc + "ID"), "cac:QuotationDocumentReference/cbc:ID");
        string versionText = read.Text(reference, Cbc + "VersionID");
        if (versionText != version.ToString(CultureInfo.InvariantCulture))
        {
            throw read.Invalid("cac:QuotationDocumentReference/cbc:VersionID", versionText, $"the referenced document {quotationId}.{version} is version {version}.");
        }

        XElement line = read.Element(Cac + "OrderLine", Cac + "LineItem");
        string material = read.Material(line);
        XElement quantity = read.Element(line, Cbc + "Quantity");
        read.Attribute(quantity, "unitCode", options.UnitCodeOf(material), "cac:OrderLine/cac:LineItem/cbc:Quantity");
        return new OrderRequest(orderId, material, quotationId, version, read.Number(quantity.Value, 1, ProcurementValidation.MaxQuantity, "cac:OrderLine/cac:LineItem/cbc:Quantity"));
    }

    private static XElement Load(byte[] document, string name, string documentNamespace)
    {
        ArgumentNullException.ThrowIfNull(document);
        XDocument xml;
        try
        {
            using var stream = new MemoryStream(document, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            xml = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ValueChainFormatException($"UBL {name}", null, e.Message);
        }

        XElement root = xml.Root!;
        if (root.Name != XName.Get(name, documentNamespace))
        {
            throw new ValueChainFormatException($"UBL {name}", root.Name.ToString(), $"the root is not {name} in {documentNamespace}.");
        }

        var read = new Reader(root, name, null);
        foreach ((string element, string expected) in new[] { ("UBLVersionID", ProcurementUbl.Version), ("CustomizationID", ProcurementUbl.CustomizationId) })
        {
            string value = read.Text(Cbc + element);
            if (value != expected)
            {
                throw read.Invalid("cbc:" + element, value, $"this reader knows {expected} only.");
            }
        }

        return root;
    }

    /// <summary>Reads fields of one document; every failure names the field's path.</summary>
    private sealed class Reader(XElement root, string document, ProcurementUblOptions? options)
    {
        public XElement Root => root;

        public ValueChainFormatException Invalid(string path, string? value, string reason) => new($"UBL {document} {path}", value, reason);

        public XElement Element(params XName[] path) => Element(root, path);

        public XElement Element(XElement from, params XName[] path)
        {
            XElement current = from;
            foreach (XName name in path)
            {
                current = current.Element(name) ?? throw Invalid(Path(current, name), null, "the element is missing.");
            }

            return current;
        }

        public string Text(params XName[] path) => Element(path).Value;

        public string Text(XElement from, params XName[] path) => Element(from, path).Value;

        public void Attribute(XElement element, string attribute, string expected, string path)
        {
            string? value = element.Attribute(attribute)?.Value;
            if (value != expected)
            {
                throw Invalid($"{path}/@{attribute}", value, $"expected {expected}.");
            }
        }

        public string Id(string value, string path) => ProcurementValidation.IsValidId(value) ? value : throw Invalid(path, value, "not an id of 1 to 64 printable characters without spaces.");

        public (long QuotationId, int Version) QuotationId(string value, string path)
        {
            string[] parts = value.Split('.');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id >= 1
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int version) && version >= 1
                ? (id, version)
                : throw Invalid(path, value, "a quotation document id is {quotationId}.{version}, both from 1.");
        }

        public long Number(string value, long min, long max, string path) =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number >= min && number <= max
                ? number
                : throw Invalid(path, value, $"expected a whole number of {min} to {max}.");

        public UInt256 Amount(XElement amount, string path)
        {
            Attribute(amount, "currencyID", options!.CurrencyId, path);
            return UblAmounts.Parse(amount.Value, options.TokenDecimals) is { IsZero: false } value
                ? value
                : throw Invalid(path, amount.Value, $"expected an amount above zero with at most {options.TokenDecimals} decimals, within the token's range.");
        }

        public string Material(XElement lineItem) =>
            Id(Text(lineItem, Cac + "Item", Cac + "SellersItemIdentification", Cbc + "ID"), "cac:Item/cac:SellersItemIdentification/cbc:ID");

        public Address Account(XElement party)
        {
            string value = Text(party, Cbc + "EndpointID");
            return Address.TryParse(value, out Address address) && !address.IsZero ? address : throw Invalid("cac:Party/cbc:EndpointID", value, "expected a 0x-hex account address.");
        }

        public string Company(XElement party)
        {
            XElement? id = party.Elements(Cac + "PartyIdentification").Elements(Cbc + "ID").FirstOrDefault(e => (string?)e.Attribute("schemeID") == ProcurementUbl.CompanyScheme);
            return Id(id?.Value ?? "", $"cac:Party/cac:PartyIdentification/cbc:ID[@schemeID='{ProcurementUbl.CompanyScheme}']");
        }

        /// <summary>The instant of <c>{prefix}Date</c> and <c>{prefix}Time</c> under <paramref name="period"/> (or the root).</summary>
        public DateTimeOffset Time(XElement from, string path, XName? period, string prefix)
        {
            XElement parent = period is null ? from : Element(from, period);
            string date = Text(parent, Cbc + (prefix + "Date"));
            string time = Text(parent, Cbc + (prefix + "Time"));
            return UblTimes.Parse(date, time) ?? throw Invalid($"{path}/cbc:{prefix}Date", date + "T" + time, "expected yyyy-MM-dd and HH:mm:ss[.fffffff]Z.");
        }

        private static string Path(XElement parent, XName missing)
        {
            var names = parent.AncestorsAndSelf().Reverse().Skip(1).Select(e => Prefixed(e.Name)).Append(Prefixed(missing));
            return string.Join("/", names);
        }

        private static string Prefixed(XName name) => (name.NamespaceName == ProcurementUbl.AggregateNamespace ? "cac:" : name.NamespaceName == ProcurementUbl.BasicNamespace ? "cbc:" : "") + name.LocalName;
    }
}
