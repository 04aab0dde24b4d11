namespace ValueChain.V2V.Interop;

/// <summary>The stable error codes of the ETSI conversions, beside <see cref="ErrorCodes"/>.</summary>
public static class EtsiErrorCodes
{
    /// <summary>A well-formed ETSI value has no counterpart in an obstacle report (an unmapped cause code, an unavailable or saturated value).</summary>
    public const string NotConvertible = "etsi_not_convertible";
}
