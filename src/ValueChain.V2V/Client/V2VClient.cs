using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>
/// What a vehicle's software calls, bound to the signer of its current trip address: report obstacles (stored in the
/// content store, then anchored; the ledger's matching decides), preview the matching offline with the same function,
/// load the obstacles around it, verify what it receives, and negate obstacles that are gone.
/// </summary>
public sealed class V2VClient
{
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly ISigner _trip;
    private readonly MatchingRules _rules;

    /// <summary>Creates a client reporting as <paramref name="trip"/>, verifying with <paramref name="verifier"/>.</summary>
    public V2VClient(IV2VContract map, IContentStore store, ReportVerifier verifier, MatchingRules rules, ISigner trip)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(trip);
        _map = map;
        _store = store;
        Verifier = verifier;
        _rules = rules;
        _trip = trip;
    }

    /// <summary>The trip address this client reports under.</summary>
    public Address Address => _trip.Address;

    /// <summary>The port, for queries.</summary>
    public IV2VContract Map => _map;

    /// <summary>The verifier this client checks reports with.</summary>
    public ReportVerifier Verifier { get; }

    /// <summary>
    /// Reports an obstacle: stores its canonical bytes as a raw block, then anchors it (Pending while the transaction is
    /// under way); returns the content id and the ledger's matching outcome.
    /// </summary>
    /// <exception cref="ArgumentException">The report is not this trip's.</exception>
    /// <exception cref="ValueChainFormatException">A field of the report is out of range.</exception>
    /// <exception cref="ChaincodeException">The ledger refused it (see <see cref="IV2VContract"/>).</exception>
    public async Task<(ContentId ContentId, AnchorOutcome Outcome)> ReportAsync(ObstacleReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Reporter != Address)
        {
            throw new ArgumentException($"The report names {report.Reporter} as its reporter, but this client reports as {Address}.", nameof(report));
        }

        byte[] bytes = ReportCodec.Encode(report);
        Hash32 digest = ReportCodec.Digest(bytes);
        ContentId id = await _store.PutRecordAsync(bytes, cancellationToken).ConfigureAwait(false);
        Verifier.MarkPending(digest);
        try
        {
            V2VReceipt receipt = await _map.AnchorReportAsync(_trip, report, id, cancellationToken).ConfigureAwait(false);
            return (id, receipt.Outcomes[0]);
        }
        finally
        {
            Verifier.ClearPending(digest);
        }
    }

    /// <summary>Signs a stored report of this trip for a relay's batch (<see cref="IV2VContract.AnchorBatchAsync"/>).</summary>
    public async Task<SignedReport> SignForBatchAsync(ObstacleReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        byte[] bytes = ReportCodec.Encode(report);
        ContentId id = await _store.PutRecordAsync(bytes, cancellationToken).ConfigureAwait(false);
        RecoverableSignature signature = await _trip.SignAsync(ReportCodec.SigningDigest(ReportCodec.Digest(bytes)), cancellationToken).ConfigureAwait(false);
        return new SignedReport(report, id, signature);
    }

    /// <summary>What the ledger's matching would decide for <paramref name="report"/> now: the obstacle id it matches, or null for a new one.</summary>
    public async Task<long?> PreviewAsync(ObstacleReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<Obstacle> near = await _map.GetObstaclesNearAsync(report.Position, cancellationToken).ConfigureAwait(false);
        return ObstacleMatching.Match(report, near, _rules);
    }

    /// <summary>The active obstacles around <paramref name="position"/>.</summary>
    public Task<IReadOnlyList<Obstacle>> ObstaclesAroundAsync(GeoPoint position, CancellationToken cancellationToken = default) =>
        _map.GetObstaclesNearAsync(position, cancellationToken);

    /// <summary>Reports obstacle <paramref name="obstacleId"/> gone.</summary>
    public Task<V2VReceipt> NegateAsync(long obstacleId, CancellationToken cancellationToken = default) => _map.NegateAsync(_trip, obstacleId, cancellationToken);

    /// <summary>This trip's reputation.</summary>
    public Task<Reputation> ReputationAsync(CancellationToken cancellationToken = default) => _map.GetReputationAsync(Address, cancellationToken);
}
