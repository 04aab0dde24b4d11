namespace ValueChain.V2V;

/// <summary>
/// What an authority calls, bound to its signer: the verified, ledger-ordered reports around an incident, the
/// reports of trip addresses a vehicle or the issuer disclosed (the disclosure checked first), obstacles in an area,
/// and exclusion of a pseudonym.
/// </summary>
public sealed class AuthorityClient
{
    private readonly IV2VContract _map;
    private readonly ReportVerifier _verifier;
    private readonly ISigner _authority;

    /// <summary>Creates a client acting as <paramref name="authority"/>.</summary>
    public AuthorityClient(IV2VContract map, ReportVerifier verifier, ISigner authority)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(authority);
        _map = map;
        _verifier = verifier;
        _authority = authority;
    }

    /// <summary>The reports anchored in <paramref name="area"/> between the ledger times, in ledger order, each verified against the store.</summary>
    public async Task<IReadOnlyList<ReportVerification>> ReconstructIncidentAsync(GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await VerifyAllAsync(await _map.GetIncidentAsync(_authority, area, since, until, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The reports of the trips in <paramref name="disclosure"/>, in ledger order and verified, once the disclosure itself verifies.</summary>
    /// <exception cref="InvalidSignatureException">The disclosure is not signed by its vehicle's enrolled key and by each trip key.</exception>
    public async Task<IReadOnlyList<ReportVerification>> ReportsOfAsync(TripDisclosure disclosure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        if (!disclosure.Verify())
        {
            throw new InvalidSignatureException($"The disclosure of {disclosure.Trips.Count} trips is not signed by the vehicle {disclosure.Vehicle} and each of its trip keys.");
        }

        return await VerifyAllAsync(await _map.GetReportsByAsync(_authority, disclosure.Trips, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The obstacles reports in the area and window mapped or matched.</summary>
    public Task<IReadOnlyList<Obstacle>> ObstaclesInAreaAsync(GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        _map.GetObstaclesInAreaAsync(_authority, area, since, until, cancellationToken);

    /// <summary>Excludes a pseudonym; the issuer then certifies its vehicle no more.</summary>
    public Task<V2VReceipt> ExcludeAsync(Address pseudonym, CancellationToken cancellationToken = default) => _map.ExcludeAsync(_authority, pseudonym, cancellationToken);

    // The anchors come from the ledger itself, which computed each batch's root from the reports: what is left to
    // check is that the store still holds the anchored bytes.
    private async Task<IReadOnlyList<ReportVerification>> VerifyAllAsync(IReadOnlyList<ReportAnchor> anchors, CancellationToken cancellationToken)
    {
        var verified = new List<ReportVerification>(anchors.Count);
        foreach (ReportAnchor anchor in anchors)
        {
            verified.Add(await _verifier.VerifyStoredAsync(anchor, cancellationToken).ConfigureAwait(false));
        }

        return verified;
    }
}
