using ValueChain.Content;
using ValueChain.Ledger.Ethereum;
using ValueChain.V2V.Ethereum.Contracts;

namespace ValueChain.V2V.Ethereum;

/// <summary>
/// <see cref="IV2VContract"/> over the V2VMap contract through its generated bindings. Each command is a transaction of
/// the signer it names; refusals arrive as <see cref="ChaincodeException"/>s with the chaincode's codes; the matching
/// outcomes and batch roots come back in the receipt as there; events carry the chaincode's names and payloads under
/// <see cref="V2VChaincode.ChaincodeName"/>. The authority-only reads are calls from the authority's address: on
/// Ethereum every node operator can read all contract state.
/// </summary>
public sealed class V2VEthereumAdapter : ApplicationAdapter, IV2VContract
{
    private readonly V2VContracts _contracts;

    /// <summary>Binds the map deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public V2VEthereumAdapter(SignerClients clients, V2VContracts contracts)
        : base(clients, V2VChaincode.ChaincodeName, 0)
    {
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
    }

    /// <summary>The contracts this adapter binds.</summary>
    public V2VContracts Contracts => _contracts;

    /// <inheritdoc />
    public Task<V2VReceipt> CertifyAsync(ISigner issuer, Address pseudonym, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken cancellationToken = default)
    {
        if (validFrom < DateTimeOffset.UnixEpoch || validUntil < DateTimeOffset.UnixEpoch || validFrom.Ticks % TimeSpan.TicksPerSecond != 0 || validUntil.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A certificate's window is whole seconds after 1970.");
        }

        return SubmitAsync(() => Map(issuer).CertifyAsync(pseudonym, Seconds(validFrom), Seconds(validUntil), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<V2VReceipt> ExcludeAsync(ISigner authority, Address pseudonym, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Map(authority).ExcludeAsync(pseudonym, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<V2VReceipt> AnchorReportAsync(ISigner reporter, ObstacleReport report, ContentId contentId, CancellationToken cancellationToken = default)
    {
        byte[] bytes = ReportCodec.Encode(report);
        return SubmitAsync(() => Map(reporter).AnchorReportAsync(bytes, contentId.Value ?? "", cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<V2VReceipt> AnchorBatchAsync(ISigner submitter, IReadOnlyList<SignedReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        V2VMap.SignedReport[] signed = [.. reports.Select(r => new V2VMap.SignedReport(ReportCodec.Encode(r.Report), r.ContentId.Value ?? "", r.Signature.ToBytes()))];
        return SubmitAsync(() => Map(submitter).AnchorBatchAsync(signed, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<V2VReceipt> NegateAsync(ISigner pseudonym, long obstacleId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Map(pseudonym).NegateAsync(Id(obstacleId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<V2VReceipt> ExpireAsync(ISigner caller, long obstacleId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Map(caller).ExpireAsync(Id(obstacleId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<PseudonymCertificate?> GetCertificateAsync(Address pseudonym, CancellationToken cancellationToken = default)
    {
        V2VMap.Certificate c = await Map(null).CertificateAsync(pseudonym, cancellationToken).ConfigureAwait(false);
        return c.Exists ? new PseudonymCertificate(pseudonym, Time(c.ValidFrom), Time(c.ValidUntil), c.Excluded) : null;
    }

    /// <inheritdoc />
    public async Task<Reputation> GetReputationAsync(Address pseudonym, CancellationToken cancellationToken = default)
    {
        V2VMap.Reputation r = await Map(null).ReputationAsync(pseudonym, cancellationToken).ConfigureAwait(false);
        return new Reputation(pseudonym, r.Score, (long)r.Confirmations, (long)r.Expired, (long)r.Contradicted);
    }

    /// <inheritdoc />
    public async Task<Obstacle?> GetObstacleAsync(long obstacleId, CancellationToken cancellationToken = default)
    {
        if (obstacleId <= 0)
        {
            return null;
        }

        V2VMap.Obstacle o = await Map(null).ObstacleAsync((ulong)obstacleId, cancellationToken).ConfigureAwait(false);
        return o.Id == 0 ? null : ObstacleOf(o);
    }

    /// <inheritdoc />
    public async Task<ReportAnchor?> GetReportAsync(Hash32 digest, CancellationToken cancellationToken = default)
    {
        V2VMap.Anchor a = await Map(null).ReportAsync(digest, cancellationToken).ConfigureAwait(false);
        return a.Sequence == 0 ? null : AnchorOf(a);
    }

    /// <inheritdoc />
    public async Task<ReportBatch?> GetBatchAsync(Hash32 root, CancellationToken cancellationToken = default)
    {
        V2VMap.Batch b = await Map(null).BatchAsync(root, cancellationToken).ConfigureAwait(false);
        return b.Size == 0 ? null : BatchOf(b.Root, b.Size, b.Submitter, b.AnchoredAt, b.FirstSequence);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Obstacle>> GetObstaclesNearAsync(GeoPoint position, CancellationToken cancellationToken = default) =>
        [.. (await Map(null).ObstaclesNearAsync((int)position.LatitudeMicrodegrees, (int)position.LongitudeMicrodegrees, cancellationToken).ConfigureAwait(false)).Select(ObstacleOf)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Obstacle>> GetObstaclesInAreaAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Map(Required(authority)).ObstaclesInAreaAsync(AreaOf(area, since, until), cancellationToken)).ConfigureAwait(false)).Select(ObstacleOf)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportAnchor>> GetReportsByAsync(ISigner authority, IReadOnlyList<Address> reporters, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Map(Required(authority)).ReportsByAsync(reporters ?? [], cancellationToken)).ConfigureAwait(false)).Select(AnchorOf)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportAnchor>> GetIncidentAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Map(Required(authority)).IncidentAsync(AreaOf(area, since, until), cancellationToken)).ConfigureAwait(false)).Select(AnchorOf)];

    /// <inheritdoc />
    protected override bool EmittedByApplication(Address emitter) => emitter == _contracts.Map;

    /// <inheritdoc />
    protected override Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken) =>
        Task.FromResult(V2VEventTranslator.Translate(log));

    internal static Obstacle ObstacleOf(V2VMap.Obstacle o) => new(
        (long)o.Id, (ObstacleKind)o.Kind, new GeoPoint(o.Lat, o.Lon), o.Dynamic, o.Velocity, o.Bearing,
        DateTimeOffset.FromUnixTimeMilliseconds((long)o.ReferenceAt), DateTimeOffset.FromUnixTimeMilliseconds((long)o.LastDetectedAt),
        o.FirstReporter, o.FirstReport, (int)o.Reports, (int)o.Confirmations, Time(o.MappedAt), Time(o.LastConfirmedAt), (ObstacleStatus)o.Status);

    internal static ReportBatch BatchOf(Hash32 root, uint size, Address submitter, ulong anchoredAt, ulong firstSequence) =>
        new(root, (int)size, submitter, Time(anchoredAt), (long)firstSequence);

    internal static DateTimeOffset Time(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds);

    private static ReportAnchor AnchorOf(V2VMap.Anchor a) => new(
        a.Digest, new ContentId(a.ContentId), a.Reporter, (long)a.ObstacleId, (long)a.Sequence, Time(a.AnchoredAt), a.BatchRoot.IsZero ? null : a.BatchRoot,
        a.Confirmed, a.Flagged, new GeoPoint(a.Lat, a.Lon), (ObstacleKind)a.Kind, DateTimeOffset.FromUnixTimeMilliseconds((long)a.DetectedAt));

    private static V2VMap.Area AreaOf(GeoArea area, DateTimeOffset since, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new V2VMap.Area(
            (int)area.SouthWest.LatitudeMicrodegrees, (int)area.SouthWest.LongitudeMicrodegrees, (int)area.NorthEast.LatitudeMicrodegrees, (int)area.NorthEast.LongitudeMicrodegrees,
            Seconds(since < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : since), Seconds(until < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : until));
    }

    private async Task<V2VReceipt> SubmitAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        AnchorOutcome[] outcomes = [.. V2VMap.ReportAnchoredEvent.FromReceipt(sent.Receipt, _contracts.Map).Select(e => new AnchorOutcome(e.Digest, (long)e.ObstacleId, e.Mapped, e.Confirmed, (long)e.Sequence))];
        Hash32? root = V2VMap.BatchAnchoredEvent.FromReceipt(sent.Receipt, _contracts.Map).Select(e => (Hash32?)e.Root).SingleOrDefault();
        return new V2VReceipt(sent.TransactionId, sent.BlockNumber, sent.Events, outcomes, root);
    }

    private V2VMap Map(ISigner? signer) => new(Client(signer), _contracts.Map);

    private static ulong Seconds(DateTimeOffset time) => (ulong)time.ToUnixTimeSeconds();

    private static ulong Id(long obstacleId) => obstacleId < 0 ? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Obstacle id {obstacleId} is negative.") : (ulong)obstacleId;

    private static ISigner Required(ISigner authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return authority;
    }
}
