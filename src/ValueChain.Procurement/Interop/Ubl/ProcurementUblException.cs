namespace ValueChain.Procurement;

/// <summary>
/// A ledger record cannot be written as the UBL document asked for; <see cref="Field"/> names the field that prevents
/// it (code <see cref="ProcurementErrorCodes.NotExportable"/>). Nothing is written.
/// </summary>
public sealed class ProcurementUblException : ValueChainException
{
    /// <summary>Creates the error for <paramref name="field"/> of the record behind <paramref name="document"/>.</summary>
    /// <param name="document">The UBL document asked for (Quotation, Order or ReceiptAdvice).</param>
    /// <param name="field">The record's field, as the model names it in camelCase.</param>
    /// <param name="reason">Why it cannot be exported.</param>
    public ProcurementUblException(string document, string field, string reason)
        : base(ProcurementErrorCodes.NotExportable, $"{field}: cannot export a UBL {document}: {reason}")
    {
        Document = document;
        Field = field;
    }

    /// <summary>The UBL document asked for.</summary>
    public string Document { get; }

    /// <summary>The field that prevents the export.</summary>
    public string Field { get; }
}
