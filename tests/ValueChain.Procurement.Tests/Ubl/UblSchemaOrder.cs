using System.Xml.Linq;

namespace ValueChain.Procurement.Tests.Ubl;

/// <summary>
/// The element order and cardinality of the UBL 2.1 types the exports use, taken from the OASIS UBL 2.1 OS schemas
/// (xsdrt/maindoc/UBL-Quotation-2.1.xsd, UBL-Order-2.1.xsd, UBL-ReceiptAdvice-2.1.xsd and
/// xsdrt/common/UBL-CommonAggregateComponents-2.1.xsd, release of 4 November 2013): each type's sequence of child
/// elements, a suffix saying how often it occurs (none: exactly once; ?: at most once; *: any number; +: at least once).
/// <see cref="Check"/> walks a document and fails on a child out of that order, repeated beyond it, unknown to its
/// type, or a required child that is missing.
/// </summary>
internal static class UblSchemaOrder
{
    private static readonly Dictionary<string, string> Sequences = new(StringComparer.Ordinal)
    {
        ["Quotation"] = "ext:UBLExtensions? cbc:UBLVersionID? cbc:CustomizationID? cbc:ProfileID? cbc:ProfileExecutionID? cbc:ID? cbc:CopyIndicator? cbc:UUID? cbc:IssueDate cbc:IssueTime? cbc:Note* cbc:PricingCurrencyCode? cbc:LineCountNumeric? cac:ValidityPeriod? cac:RequestForQuotationDocumentReference? cac:AdditionalDocumentReference* cac:Contract* cac:Signature* cac:SellerSupplierParty cac:BuyerCustomerParty? cac:OriginatorCustomerParty? cac:Delivery* cac:DeliveryTerms? cac:PaymentMeans? cac:TransactionConditions? cac:AllowanceCharge* cac:DestinationCountry? cac:TaxTotal* cac:QuotedMonetaryTotal cac:QuotationLine+",
        ["Order"] = "ext:UBLExtensions? cbc:UBLVersionID? cbc:CustomizationID? cbc:ProfileID? cbc:ProfileExecutionID? cbc:ID cbc:SalesOrderID? cbc:CopyIndicator? cbc:UUID? cbc:IssueDate cbc:IssueTime? cbc:OrderTypeCode? cbc:Note* cbc:RequestedInvoiceCurrencyCode? cbc:DocumentCurrencyCode? cbc:PricingCurrencyCode? cbc:TaxCurrencyCode? cbc:CustomerReference? cbc:AccountingCostCode? cbc:AccountingCost? cbc:LineCountNumeric? cac:ValidityPeriod* cac:QuotationDocumentReference? cac:OrderDocumentReference* cac:OriginatorDocumentReference? cac:CatalogueReference? cac:AdditionalDocumentReference* cac:Contract* cac:ProjectReference* cac:Signature* cac:BuyerCustomerParty cac:SellerSupplierParty cac:OriginatorCustomerParty? cac:FreightForwarderParty? cac:AccountingCustomerParty? cac:Delivery* cac:DeliveryTerms* cac:PaymentMeans* cac:PaymentTerms* cac:TransactionConditions? cac:AllowanceCharge* cac:TaxExchangeRate? cac:PricingExchangeRate? cac:PaymentExchangeRate? cac:DestinationCountry? cac:TaxTotal* cac:AnticipatedMonetaryTotal? cac:OrderLine+",
        ["ReceiptAdvice"] = "ext:UBLExtensions? cbc:UBLVersionID? cbc:CustomizationID? cbc:ProfileID? cbc:ProfileExecutionID? cbc:ID cbc:CopyIndicator? cbc:UUID? cbc:IssueDate cbc:IssueTime? cbc:DocumentStatusCode? cbc:ReceiptAdviceTypeCode? cbc:Note* cbc:LineCountNumeric? cac:OrderReference* cac:DespatchDocumentReference* cac:AdditionalDocumentReference* cac:Signature* cac:DeliveryCustomerParty cac:DespatchSupplierParty cac:BuyerCustomerParty? cac:SellerSupplierParty? cac:Shipment? cac:ReceiptLine+",
        ["QuotationLine"] = "cbc:ID? cbc:Note* cbc:Quantity? cbc:LineExtensionAmount? cbc:TotalTaxAmount? cbc:RequestForQuotationLineID? cac:DocumentReference* cac:LineItem cac:SellerProposedSubstituteLineItem* cac:AlternativeLineItem* cac:RequestLineReference?",
        ["LineItem"] = "cbc:ID cbc:SalesOrderID? cbc:UUID? cbc:Note* cbc:LineStatusCode? cbc:Quantity? cbc:LineExtensionAmount? cbc:TotalTaxAmount? cbc:MinimumQuantity? cbc:MaximumQuantity? cbc:MinimumBackorderQuantity? cbc:MaximumBackorderQuantity? cbc:InspectionMethodCode? cbc:PartialDeliveryIndicator? cbc:BackOrderAllowedIndicator? cbc:AccountingCostCode? cbc:AccountingCost? cbc:WarrantyInformation* cac:Delivery* cac:DeliveryTerms? cac:OriginatorParty? cac:OrderedShipment* cac:PricingReference? cac:AllowanceCharge* cac:Price? cac:Item cac:SubLineItem* cac:WarrantyValidityPeriod? cac:WarrantyParty? cac:TaxTotal* cac:ItemPriceExtension? cac:LineReference*",
        ["OrderLine"] = "cbc:SubstitutionStatusCode? cbc:Note* cac:LineItem cac:SellerProposedSubstituteLineItem* cac:SellerSubstitutedLineItem* cac:BuyerProposedSubstituteLineItem* cac:CatalogueLineReference? cac:QuotationLineReference? cac:OrderLineReference* cac:DocumentReference*",
        ["ReceiptLine"] = "cbc:ID cbc:UUID? cbc:Note* cbc:ReceivedQuantity? cbc:ShortQuantity? cbc:ShortageActionCode? cbc:RejectedQuantity? cbc:RejectReasonCode? cbc:RejectReason* cbc:RejectActionCode? cbc:QuantityDiscrepancyCode? cbc:OversupplyQuantity? cbc:ReceivedDate? cbc:TimingComplaintCode? cbc:TimingComplaint? cac:OrderLineReference? cac:DespatchLineReference* cac:DocumentReference* cac:Item* cac:Shipment*",
        ["SupplierParty"] = "cbc:CustomerAssignedAccountID? cbc:AdditionalAccountID* cbc:DataSendingCapability? cac:Party? cac:DespatchContact? cac:AccountingContact? cac:SellerContact?",
        ["CustomerParty"] = "cbc:CustomerAssignedAccountID? cbc:SupplierAssignedAccountID? cbc:AdditionalAccountID* cac:Party? cac:DeliveryContact? cac:AccountingContact? cac:BuyerContact?",
        ["Party"] = "cbc:MarkCareIndicator? cbc:MarkAttentionIndicator? cbc:WebsiteURI? cbc:LogoReferenceID? cbc:EndpointID? cbc:IndustryClassificationCode? cac:PartyIdentification* cac:PartyName* cac:Language? cac:PostalAddress? cac:PhysicalLocation? cac:PartyTaxScheme* cac:PartyLegalEntity* cac:Contact? cac:Person* cac:AgentParty? cac:ServiceProviderParty* cac:PowerOfAttorney* cac:FinancialAccount?",
        ["PartyIdentification"] = "cbc:ID",
        ["PartyName"] = "cbc:Name",
        ["Period"] = "cbc:StartDate? cbc:StartTime? cbc:EndDate? cbc:EndTime? cbc:DurationMeasure? cbc:DescriptionCode* cbc:Description*",
        ["Price"] = "cbc:PriceAmount cbc:BaseQuantity? cbc:PriceChangeReason* cbc:PriceTypeCode? cbc:PriceType? cbc:OrderableUnitFactorRate? cac:ValidityPeriod* cac:PriceList? cac:AllowanceCharge* cac:PricingExchangeRate?",
        ["MonetaryTotal"] = "cbc:LineExtensionAmount? cbc:TaxExclusiveAmount? cbc:TaxInclusiveAmount? cbc:AllowanceTotalAmount? cbc:ChargeTotalAmount? cbc:PrepaidAmount? cbc:PayableRoundingAmount? cbc:PayableAmount cbc:PayableAlternativeAmount?",
        ["Item"] = "cbc:Description* cbc:PackQuantity? cbc:PackSizeNumeric? cbc:CatalogueIndicator? cbc:Name? cbc:HazardousRiskIndicator? cbc:AdditionalInformation* cbc:Keyword* cbc:BrandName* cbc:ModelName* cac:BuyersItemIdentification? cac:SellersItemIdentification? cac:ManufacturersItemIdentification* cac:StandardItemIdentification? cac:CatalogueItemIdentification? cac:AdditionalItemIdentification* cac:CatalogueDocumentReference? cac:ItemSpecificationDocumentReference* cac:OriginCountry? cac:CommodityClassification* cac:TransactionConditions* cac:HazardousItem* cac:ClassifiedTaxCategory* cac:AdditionalItemProperty* cac:ManufacturerParty* cac:InformationContentProviderParty? cac:OriginAddress* cac:ItemInstance* cac:Certificate* cac:Dimension*",
        ["ItemIdentification"] = "cbc:ID cbc:ExtendedID? cbc:BarcodeSymbologyID? cac:PhysicalAttribute* cac:MeasurementDimension* cac:IssuerParty?",
        ["DocumentReference"] = "cbc:ID cbc:CopyIndicator? cbc:UUID? cbc:IssueDate? cbc:IssueTime? cbc:DocumentTypeCode? cbc:DocumentType? cbc:XPath* cbc:LanguageID? cbc:LocaleCode? cbc:VersionID? cbc:DocumentStatusCode? cbc:DocumentDescription* cac:Attachment? cac:ValidityPeriod? cac:IssuerParty? cac:ResultOfVerification?",
        ["OrderReference"] = "cbc:ID cbc:SalesOrderID? cbc:CopyIndicator? cbc:UUID? cbc:IssueDate? cbc:IssueTime? cbc:CustomerReference? cbc:OrderTypeCode? cac:DocumentReference?",
        ["Delivery"] = "cbc:ID? cbc:Quantity? cbc:MinimumQuantity? cbc:MaximumQuantity? cbc:ActualDeliveryDate? cbc:ActualDeliveryTime? cbc:LatestDeliveryDate? cbc:LatestDeliveryTime? cbc:ReleaseID? cbc:TrackingID? cac:DeliveryAddress? cac:DeliveryLocation? cac:AlternativeDeliveryLocation? cac:RequestedDeliveryPeriod? cac:PromisedDeliveryPeriod? cac:EstimatedDeliveryPeriod? cac:CarrierParty? cac:DeliveryParty? cac:NotifyParty* cac:Despatch? cac:DeliveryTerms* cac:MinimumDeliveryUnit? cac:MaximumDeliveryUnit? cac:Shipment?",
        ["OrderLineReference"] = "cbc:LineID cbc:SalesOrderLineID? cbc:UUID? cbc:LineStatusCode? cac:OrderReference?",
        ["LineReference"] = "cbc:LineID cbc:UUID? cbc:LineStatusCode? cac:DocumentReference?",
    };

    // Which type each aggregate element the exports write has (the schemas' element declarations).
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["ValidityPeriod"] = "Period",
        ["SellerSupplierParty"] = "SupplierParty",
        ["BuyerCustomerParty"] = "CustomerParty",
        ["DeliveryCustomerParty"] = "CustomerParty",
        ["DespatchSupplierParty"] = "SupplierParty",
        ["QuotedMonetaryTotal"] = "MonetaryTotal",
        ["AnticipatedMonetaryTotal"] = "MonetaryTotal",
        ["QuotationLine"] = "QuotationLine",
        ["LineItem"] = "LineItem",
        ["OrderLine"] = "OrderLine",
        ["ReceiptLine"] = "ReceiptLine",
        ["Party"] = "Party",
        ["PartyIdentification"] = "PartyIdentification",
        ["PartyName"] = "PartyName",
        ["Price"] = "Price",
        ["Item"] = "Item",
        ["SellersItemIdentification"] = "ItemIdentification",
        ["QuotationDocumentReference"] = "DocumentReference",
        ["DocumentReference"] = "DocumentReference",
        ["OrderReference"] = "OrderReference",
        ["Delivery"] = "Delivery",
        ["RequestedDeliveryPeriod"] = "Period",
        ["PromisedDeliveryPeriod"] = "Period",
        ["OrderLineReference"] = "OrderLineReference",
        ["QuotationLineReference"] = "LineReference",
    };

    /// <summary>Throws <see cref="Xunit.Sdk.XunitException"/> naming the first element that breaks its type's sequence.</summary>
    public static void Check(XElement root) => CheckElement(root, root.Name.LocalName, root.Name.LocalName);

    private static void CheckElement(XElement element, string type, string path)
    {
        (string Name, char Occurs)[] sequence = [.. Sequences[type].Split(' ').Select(Entry)];
        int position = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (XElement child in element.Elements())
        {
            string name = Prefixed(child.Name);
            int at = Array.FindIndex(sequence, position, s => s.Name == name);
            if (at < 0)
            {
                throw new Xunit.Sdk.XunitException($"{path}/{name} is out of the schema's order for {type} or not part of it.");
            }

            if (!seen.Add(name) && sequence[at].Occurs is '\0' or '?')
            {
                throw new Xunit.Sdk.XunitException($"{path}/{name} occurs more than once in {type}.");
            }

            position = at;
            if (child.Name.NamespaceName == ProcurementUbl.AggregateNamespace)
            {
                string childType = Types.TryGetValue(child.Name.LocalName, out string? known) ? known
                    : throw new Xunit.Sdk.XunitException($"{path}/{name}: the test's table lacks the type of this aggregate.");
                CheckElement(child, childType, $"{path}/{name}");
            }
            else if (child.HasElements)
            {
                throw new Xunit.Sdk.XunitException($"{path}/{name} is a basic component and holds elements.");
            }
        }

        foreach ((string name, char occurs) in sequence)
        {
            if (occurs is '\0' or '+' && !seen.Contains(name))
            {
                throw new Xunit.Sdk.XunitException($"{path} lacks the required {name} of {type}.");
            }
        }
    }

    private static (string Name, char Occurs) Entry(string entry) =>
        entry[^1] is '?' or '*' or '+' ? (entry[..^1], entry[^1]) : (entry, '\0');

    private static string Prefixed(XName name) => name.NamespaceName switch
    {
        ProcurementUbl.AggregateNamespace => "cac:" + name.LocalName,
        ProcurementUbl.BasicNamespace => "cbc:" + name.LocalName,
        "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" => "ext:" + name.LocalName,
        _ => name.ToString(),
    };
}
