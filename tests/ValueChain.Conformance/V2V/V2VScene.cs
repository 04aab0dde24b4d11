using ValueChain.Content;
using ValueChain.Ledger;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.V2V;
using static ValueChain.Conformance.V2V.V2VActors;

namespace ValueChain.Conformance.V2V;

/// <summary>
/// One scenario's obstacle map with a content store, the trip addresses A–D certified from shortly before the ledger's
/// time for two hours, and helpers that build, store and anchor reports near a fixed point (Munich), collecting every
/// event the commands emitted.
/// </summary>
public sealed class V2VScene : IAsyncDisposable
{
    /// <summary>The reference point reports are placed around.</summary>
    public static readonly GeoPoint Origin = new(48_137_000, 11_575_000);

    private readonly V2VUnderTest _ledger;

    private V2VScene(V2VUnderTest ledger, DateTimeOffset start)
    {
        _ledger = ledger;
        Start = start;
        Verifier = new ReportVerifier(ledger.Map, Store);
    }

    /// <summary>The port under test.</summary>
    public IV2VContract Map => _ledger.Map;

    /// <summary>Control of ledger time.</summary>
    public ILedgerTimeControl Time => _ledger.Time;

    /// <summary>The content store the reports go to.</summary>
    public IContentStore Store { get; } = EmbeddedContentStore.InMemory();

    /// <summary>A verifier over the map and the store.</summary>
    public ReportVerifier Verifier { get; }

    /// <summary>The ledger time when the scene started, in whole seconds.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The start of the trip certificates' window.</summary>
    public DateTimeOffset ValidFrom => Start.AddMinutes(-1);

    /// <summary>Every event the scene's commands emitted, in order.</summary>
    public List<LedgerEvent> Events { get; } = [];

    /// <summary>Starts the scene on <paramref name="ledger"/>, certifying the trips A–D.</summary>
    public static async Task<V2VScene> StartAsync(V2VUnderTest ledger, bool certify = true)
    {
        DateTimeOffset now = await ledger.Time.GetTimeAsync();
        var scene = new V2VScene(ledger, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        if (certify)
        {
            foreach (ISigner trip in new[] { TripA, TripB, TripC, TripD })
            {
                scene.Record(await ledger.Map.CertifyAsync(Issuer, trip.Address, scene.ValidFrom, scene.Start.AddHours(2)));
            }
        }

        return scene;
    }

    /// <summary>A static report by <paramref name="reporter"/> <paramref name="north"/> and <paramref name="east"/> microdegrees from the origin, detected <paramref name="afterMilliseconds"/> after the start.</summary>
    public StaticObstacleReport Static(ISigner reporter, long north = 0, long east = 0, ObstacleKind kind = ObstacleKind.Debris, long afterMilliseconds = 0) =>
        new(reporter.Address, Start.AddMilliseconds(afterMilliseconds), At(north, east), 5, kind, 90);

    /// <summary>A dynamic report, as <see cref="Static"/> with a velocity and bearing.</summary>
    public DynamicObstacleReport Dynamic(ISigner reporter, long north, long east, int velocity, int bearing, ObstacleKind kind = ObstacleKind.Animal, long afterMilliseconds = 0) =>
        new(reporter.Address, Start.AddMilliseconds(afterMilliseconds), At(north, east), 5, kind, 80, velocity, bearing);

    /// <summary>The origin moved by microdegrees.</summary>
    public static GeoPoint At(long north, long east) => new(Origin.LatitudeMicrodegrees + north, Origin.LongitudeMicrodegrees + east);

    /// <summary>Stores <paramref name="report"/> in the content store and returns its content id.</summary>
    public Task<ContentId> StoreAsync(ObstacleReport report) => Store.PutRecordAsync(ReportCodec.Encode(report));

    /// <summary>Stores and anchors a report signed by its reporter; returns the ledger's outcome.</summary>
    public async Task<AnchorOutcome> AnchorAsync(ISigner reporter, ObstacleReport report) =>
        Record(await Map.AnchorReportAsync(reporter, report, await StoreAsync(report))).Outcomes.Single();

    /// <summary>Stores each report and signs it by its reporter, for a batch.</summary>
    public async Task<List<SignedReport>> SignAsync(params (ISigner Reporter, ObstacleReport Report)[] reports)
    {
        var signed = new List<SignedReport>();
        foreach ((ISigner reporter, ObstacleReport report) in reports)
        {
            RecoverableSignature signature = await reporter.SignAsync(ReportCodec.SigningDigest(ReportCodec.Digest(ReportCodec.Encode(report))));
            signed.Add(new SignedReport(report, await StoreAsync(report), signature));
        }

        return signed;
    }

    /// <summary>Keeps a command's events.</summary>
    public V2VReceipt Record(V2VReceipt receipt)
    {
        Events.AddRange(receipt.Events);
        return receipt;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ledger.DisposeAsync();
}
