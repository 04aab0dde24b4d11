using CsCheck;
using ValueChain.Content;
using ValueChain.Ledger;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.V2V.Tests;

public sealed class VerificationTests
{
    [Fact]
    public async Task No_mutation_of_a_stored_report_its_proof_or_its_anchor_ever_verifies_as_valid()
    {
        await using EmbeddedMap map = await EmbeddedMap.StartAsync();
        var store = new TamperingStore(EmbeddedContentStore.InMemory());
        var client = new V2VClient(map.Map, store, new ReportVerifier(map.Map, store), MatchingRules.Default, EmbeddedMap.TripA);
        var reports = new List<SignedReport>();
        for (int i = 0; i < 5; i++)
        {
            reports.Add(await client.SignForBatchAsync(EmbeddedMap.Report(EmbeddedMap.TripA, north: i * 10_000)));
        }

        V2VReceipt batch = await map.Map.AnchorBatchAsync(EmbeddedMap.Police, reports);
        Hash32[] digests = [.. batch.Outcomes.Select(o => o.Digest)];
        BatchProof Proof(int i) => new(batch.BatchRoot!.Value, i, ReportBatchTree.Path(digests, i));
        for (int i = 0; i < digests.Length; i++)
        {
            Assert.Equal(ReportStatus.Valid, (await client.Verifier.VerifyAsync(digests[i], Proof(i))).Status);
        }

        // What is mutated (0 stored bytes, 1 proof root, 2 proof index, 3 a path hash, 4 anchor digest, 5 anchor content
        // id, 6 anchor batch, 7 block removed), which report, which byte or bit.
        await Gen.Select(Gen.Int[0, 7], Gen.Int[0, 4], Gen.Int[0, 45], Gen.Int[0, 7]).SampleAsync(async (what, which, at, bit) =>
        {
            store.Reset();
            BatchProof proof = Proof(which);
            Func<ReportAnchor, ReportAnchor> anchor = a => a;
            ContentId id = reports[which].ContentId;
            switch (what)
            {
                case 0: store.Flip(id, at % 42, bit); break;
                case 1: proof = proof with { Root = Flip(proof.Root, at, bit) }; break;
                case 2: proof = proof with { Index = (which + 1 + (at % 4)) % 5 }; break;
                case 3: proof = proof with { Path = [.. proof.Path.Select((h, k) => k == at % proof.Path.Count ? Flip(h, at, bit) : h)] }; break;
                case 4: anchor = a => a with { Digest = Flip(a.Digest, at, bit) }; break;
                case 5: anchor = a => a with { ContentId = reports[(which + 1) % 5].ContentId }; break;
                case 6: anchor = a => a with { BatchRoot = Flip(a.BatchRoot!.Value, at, bit) }; break;
                default: store.Remove(id); break;
            }

            var verifier = new ReportVerifier(new MutatedAnchors(map.Map, anchor), store);
            ReportVerification result = await verifier.VerifyAsync(digests[which], proof);

            Assert.NotEqual(ReportStatus.Valid, result.Status);
            Assert.Null(result.Report);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public async Task A_single_report_is_valid_once_committed_and_pending_while_its_anchoring_is_under_way()
    {
        await using EmbeddedMap map = await EmbeddedMap.StartAsync();
        IContentStore store = EmbeddedContentStore.InMemory();
        var client = new V2VClient(map.Map, store, new ReportVerifier(map.Map, store), MatchingRules.Default, EmbeddedMap.TripA);
        StaticObstacleReport report = EmbeddedMap.Report(EmbeddedMap.TripA);
        Hash32 digest = ReportCodec.Digest(ReportCodec.Encode(report));

        Assert.Equal(ReportStatus.Unanchored, (await client.Verifier.VerifyAsync(report)).Status);
        client.Verifier.MarkPending(digest);
        Assert.Equal(ReportStatus.Pending, (await client.Verifier.VerifyAsync(report)).Status);
        client.Verifier.ClearPending(digest);
        (ContentId id, AnchorOutcome outcome) = await client.ReportAsync(report);

        ReportVerification valid = await client.Verifier.VerifyAsync(report);
        Assert.Equal((ReportStatus.Valid, report, outcome.Sequence), (valid.Status, valid.Report, valid.Anchor!.Sequence));
        Assert.Equal(id, valid.Anchor.ContentId);
        Assert.Null(await client.PreviewAsync(EmbeddedMap.Report(EmbeddedMap.TripA, north: 50_000)));
        Assert.Equal(outcome.ObstacleId, await client.PreviewAsync(EmbeddedMap.Report(EmbeddedMap.TripB, north: 10)));
    }

    [Fact]
    public async Task The_chaincode_refuses_malformed_report_bytes_naming_the_field_and_changes_nothing()
    {
        await using EmbeddedMap map = await EmbeddedMap.StartAsync();
        byte[] bytes = ReportCodec.Encode(EmbeddedMap.Report(EmbeddedMap.TripA));
        bytes[2] = 0;
        var invocation = new ContractInvocation(V2VChaincode.ChaincodeName, "anchorReport", $$"""{"report":"{{Hex.Encode(bytes)}}","contentId":"bafkreix"}""");

        TransactionReceipt receipt = await map.Ledger.SubmitAsync(EmbeddedMap.TripA, invocation);

        Assert.Equal((false, ErrorCodes.InvalidFormat), (receipt.Succeeded, receipt.ErrorCode));
        Assert.Contains("kind", receipt.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await map.Map.GetObstacleAsync(1));
    }

    private static Hash32 Flip(Hash32 hash, int at, int bit)
    {
        byte[] bytes = hash.ToArray();
        bytes[at % 32] ^= (byte)(1 << bit);
        return new Hash32(bytes);
    }

    // A store whose blocks can be altered or lost behind its back, as a disk or a remote node might; it returns what it
    // holds without checking, so that the verifier's own checks are what is tested.
    private sealed class TamperingStore(IContentStore inner) : IContentStore
    {
        private readonly Dictionary<ContentId, byte[]?> _altered = [];

        public void Reset() => _altered.Clear();

        public void Flip(ContentId id, int at, int bit)
        {
            byte[] bytes = inner.GetRecordAsync(id).GetAwaiter().GetResult()!;
            bytes[at % bytes.Length] ^= (byte)(1 << bit);
            _altered[id] = bytes;
        }

        public void Remove(ContentId id) => _altered[id] = null;

        public async Task<byte[]?> GetRecordAsync(ContentId id, CancellationToken cancellationToken = default) =>
            _altered.TryGetValue(id, out byte[]? altered) ? altered : await inner.GetRecordAsync(id, cancellationToken);

        public Task<ContentId> PutRecordAsync(ReadOnlyMemory<byte> canonicalBytes, CancellationToken cancellationToken = default) => inner.PutRecordAsync(canonicalBytes, cancellationToken);

        public Task<ContentId> AddFileAsync(Stream content, CancellationToken cancellationToken = default) => inner.AddFileAsync(content, cancellationToken);

        public Task<Stream> OpenFileAsync(ContentId id, CancellationToken cancellationToken = default) => inner.OpenFileAsync(id, cancellationToken);

        public Task PutBlockAsync(ContentId id, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default) => inner.PutBlockAsync(id, block, cancellationToken);

        public Task<byte[]?> GetBlockAsync(ContentId id, CancellationToken cancellationToken = default) => GetRecordAsync(id, cancellationToken);

        public Task<bool> HasBlockAsync(ContentId id, CancellationToken cancellationToken = default) => inner.HasBlockAsync(id, cancellationToken);

        public IAsyncEnumerable<ContentId> ListBlocksAsync(CancellationToken cancellationToken = default) => inner.ListBlocksAsync(cancellationToken);

        public Task PinAsync(ContentId id, CancellationToken cancellationToken = default) => inner.PinAsync(id, cancellationToken);

        public Task<bool> UnpinAsync(ContentId id, CancellationToken cancellationToken = default) => inner.UnpinAsync(id, cancellationToken);

        public Task<IReadOnlyCollection<ContentId>> ListPinsAsync(CancellationToken cancellationToken = default) => inner.ListPinsAsync(cancellationToken);

        public Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default) => inner.CollectGarbageAsync(cancellationToken);

        public Task<ContentStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

        public Task ExportCarAsync(IReadOnlyList<ContentId> roots, Stream destination, CancellationToken cancellationToken = default) => inner.ExportCarAsync(roots, destination, cancellationToken);

        public Task<IReadOnlyList<ContentId>> ImportCarAsync(Stream source, CancellationToken cancellationToken = default) => inner.ImportCarAsync(source, cancellationToken);
    }

    // The port with its report anchors altered on the way, as a lying node might answer.
    private sealed class MutatedAnchors(IV2VContract inner, Func<ReportAnchor, ReportAnchor> mutate) : IV2VContract
    {
        public async Task<ReportAnchor?> GetReportAsync(Hash32 digest, CancellationToken cancellationToken = default) =>
            await inner.GetReportAsync(digest, cancellationToken) is { } anchor ? mutate(anchor) : null;

        public Task<ReportBatch?> GetBatchAsync(Hash32 root, CancellationToken cancellationToken = default) => inner.GetBatchAsync(root, cancellationToken);

        public Task<V2VReceipt> CertifyAsync(ISigner issuer, Address pseudonym, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<V2VReceipt> ExcludeAsync(ISigner authority, Address pseudonym, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<V2VReceipt> AnchorReportAsync(ISigner reporter, ObstacleReport report, ContentId contentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<V2VReceipt> AnchorBatchAsync(ISigner submitter, IReadOnlyList<SignedReport> reports, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<V2VReceipt> NegateAsync(ISigner pseudonym, long obstacleId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<V2VReceipt> ExpireAsync(ISigner caller, long obstacleId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PseudonymCertificate?> GetCertificateAsync(Address pseudonym, CancellationToken cancellationToken = default) => inner.GetCertificateAsync(pseudonym, cancellationToken);

        public Task<Reputation> GetReputationAsync(Address pseudonym, CancellationToken cancellationToken = default) => inner.GetReputationAsync(pseudonym, cancellationToken);

        public Task<Obstacle?> GetObstacleAsync(long obstacleId, CancellationToken cancellationToken = default) => inner.GetObstacleAsync(obstacleId, cancellationToken);

        public Task<IReadOnlyList<Obstacle>> GetObstaclesNearAsync(GeoPoint position, CancellationToken cancellationToken = default) => inner.GetObstaclesNearAsync(position, cancellationToken);

        public Task<IReadOnlyList<Obstacle>> GetObstaclesInAreaAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) => inner.GetObstaclesInAreaAsync(authority, area, since, until, cancellationToken);

        public Task<IReadOnlyList<ReportAnchor>> GetReportsByAsync(ISigner authority, IReadOnlyList<Address> reporters, CancellationToken cancellationToken = default) => inner.GetReportsByAsync(authority, reporters, cancellationToken);

        public Task<IReadOnlyList<ReportAnchor>> GetIncidentAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) => inner.GetIncidentAsync(authority, area, since, until, cancellationToken);
    }
}
