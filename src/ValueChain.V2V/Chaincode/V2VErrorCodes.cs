namespace ValueChain.V2V;

/// <summary>The obstacle map's own stable error codes, beside <see cref="ErrorCodes"/>.</summary>
public static class V2VErrorCodes
{
    /// <summary>The reporting address has no certificate from the enrolment issuer.</summary>
    public const string UnknownPseudonym = "unknown_pseudonym";

    /// <summary>The pseudonym's certificate does not cover the ledger's time (expired, or not valid yet).</summary>
    public const string PseudonymExpired = "pseudonym_expired";

    /// <summary>The report's detection time lies outside its pseudonym's certificate window.</summary>
    public const string OutsideCertificateWindow = "outside_certificate_window";

    /// <summary>An authority excluded the pseudonym.</summary>
    public const string PseudonymExcluded = "pseudonym_excluded";
}
