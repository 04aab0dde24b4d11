namespace ValueChain.V2V.Interop;

/// <summary>
/// A well-formed ETSI message, or a report, holds a value the other side cannot: an unmapped cause code, an unavailable
/// latitude, a saturated time offset, a kind a CPM does not classify. Code <see cref="EtsiErrorCodes.NotConvertible"/>;
/// malformed or out-of-range input raises <see cref="ValueChainFormatException"/> instead.
/// </summary>
public sealed class EtsiConversionException : ValueChainException
{
    /// <summary>Creates the error.</summary>
    /// <param name="field">The field, as a JSON path below the message (for example <c>denm.situation.eventType.causeCode</c>).</param>
    /// <param name="value">The value it holds.</param>
    /// <param name="reason">Why it does not convert.</param>
    public EtsiConversionException(string field, string? value, string reason)
        : base(EtsiErrorCodes.NotConvertible, $"Cannot convert {field} '{value}': {reason}")
    {
        Field = field;
        Value = value;
    }

    /// <summary>The field that does not convert.</summary>
    public string Field { get; }

    /// <summary>The value it holds.</summary>
    public string? Value { get; }
}
