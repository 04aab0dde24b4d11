namespace ValueChain.Procurement;

/// <summary>The marketplace's own stable error codes, beside <see cref="ErrorCodes"/>.</summary>
public static class ProcurementErrorCodes
{
    /// <summary>A quotation revision tried to change a field other than the price and the validity window.</summary>
    public const string FrozenField = "frozen_field";

    /// <summary>The named quotation version was superseded by a later one.</summary>
    public const string SupersededQuotation = "superseded_quotation";

    /// <summary>The quotation is not approved for the ordering machine's company.</summary>
    public const string NotApproved = "not_approved";

    /// <summary>The quotation is not valid at the ledger time of the order.</summary>
    public const string QuotationNotValid = "quotation_not_valid";

    /// <summary>The quotation is for another material than the one ordered, or the machine has no slot for it.</summary>
    public const string WrongMaterial = "wrong_material";

    /// <summary>A record cannot be written as a UBL document (for example a receipt advice of an order that never arrived); the message names the field.</summary>
    public const string NotExportable = "not_exportable";
}
