namespace ValueChain.Procurement;

/// <summary>
/// The names the UBL 2.1 documents of the marketplace use (see <see cref="ProcurementUblExport"/>): the OASIS
/// namespaces, the version and customization written into every document, and the identifier schemes of ledger ids.
/// </summary>
public static class ProcurementUbl
{
    /// <summary>The UBL version every document declares in <c>cbc:UBLVersionID</c>.</summary>
    public const string Version = "2.1";

    /// <summary>
    /// The <c>cbc:CustomizationID</c> of every document: this package's mapping of ledger records to UBL, version 1.
    /// A reader refuses documents of another customization, whose fields may mean something else.
    /// </summary>
    public const string CustomizationId = "urn:valuechain:procurement:ubl:1";

    /// <summary>The namespace of the UBL 2.1 Quotation document (the root's default namespace).</summary>
    public const string QuotationNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Quotation-2";

    /// <summary>The namespace of the UBL 2.1 Order document.</summary>
    public const string OrderNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";

    /// <summary>The namespace of the UBL 2.1 ReceiptAdvice document.</summary>
    public const string ReceiptAdviceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:ReceiptAdvice-2";

    /// <summary>The namespace of the common aggregate components, prefix <c>cac</c>.</summary>
    public const string AggregateNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>The namespace of the common basic components, prefix <c>cbc</c>.</summary>
    public const string BasicNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>The <c>schemeID</c> of a party's ledger account (<c>cbc:EndpointID</c>): a 0x-hex address.</summary>
    public const string AddressScheme = "urn:valuechain:address";

    /// <summary>The <c>schemeID</c> of a marketplace company id (<c>cac:PartyIdentification/cbc:ID</c>).</summary>
    public const string CompanyScheme = "urn:valuechain:procurement:company";

    /// <summary>The <c>schemeID</c> of a machine id (<c>cac:DeliveryLocation/cbc:ID</c>: goods are delivered to the machine).</summary>
    public const string MachineScheme = "urn:valuechain:procurement:machine";

    /// <summary>The <c>schemeID</c> of a material number (<c>cac:SellersItemIdentification/cbc:ID</c>).</summary>
    public const string MaterialScheme = "urn:valuechain:procurement:material";

    /// <summary>The UN/ECE Recommendation 20 code of the second, the unit of a promised delivery time (<c>cbc:DurationMeasure</c>).</summary>
    public const string SecondUnitCode = "SEC";

    /// <summary>The document id of a quotation version: <c>{quotationId}.{version}</c>, so that every binding version is its own document.</summary>
    public static string QuotationDocumentId(long quotationId, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{quotationId}.{version}");
}
