namespace ValueChain.V2V;

/// <summary>
/// The enrolment issuer's certificate of one trip address: it may report from <see cref="ValidFrom"/> to
/// <see cref="ValidUntil"/> (ledger time, whole seconds). The issuer gives a vehicle at most one valid certificate at any
/// time; nothing in it names the vehicle, so the ledger links no two trips.
/// </summary>
/// <param name="Pseudonym">The trip address.</param>
/// <param name="ValidFrom">The start of its validity.</param>
/// <param name="ValidUntil">The end of its validity (inclusive).</param>
/// <param name="Excluded">Whether an authority excluded it; it then reports nothing more.</param>
public sealed record PseudonymCertificate(Address Pseudonym, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, bool Excluded)
{
    /// <summary>Whether the certificate covers <paramref name="time"/> and is not excluded.</summary>
    public bool IsValidAt(DateTimeOffset time) => !Excluded && time >= ValidFrom && time <= ValidUntil;
}
