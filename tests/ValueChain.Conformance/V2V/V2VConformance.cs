using ValueChain.Content;
using ValueChain.V2V;
using Xunit;
using static ValueChain.Conformance.V2V.V2VActors;

namespace ValueChain.Conformance.V2V;

/// <summary>
/// The obstacle map's rules from specs/v2v.md and issue 18 against <see cref="IV2VContract"/> only. A driver's test
/// project subclasses it; the properties are in <c>V2VConformance.Properties.cs</c>.
/// </summary>
public abstract partial class V2VConformance : ApplicationConformance
{
    // About 3 m and 560 m of latitude at the origin.
    private const long ThreeMetres = 27;
    private const long FarAway = 5_000;

    /// <summary>Starts a ledger with the obstacle map (or its twin) deployed with <paramref name="options"/>.</summary>
    protected abstract Task<V2VUnderTest> StartLedgerAsync(V2VOptions options);

    private async Task<V2VScene> StartAsync(bool certify = true) => await V2VScene.StartAsync(await StartLedgerAsync(Options()), certify);

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    [Fact]
    public async Task Only_the_issuer_certifies_and_each_trip_address_once_within_the_longest_validity()
    {
        await using V2VScene scene = await StartAsync(certify: false);
        IV2VContract m = scene.Map;
        DateTimeOffset from = scene.Start, until = scene.Start.AddHours(1);

        await m.CertifyAsync(Issuer, TripA.Address, from, until);

        Assert.Equal(new PseudonymCertificate(TripA.Address, from, until, false), await m.GetCertificateAsync(TripA.Address));
        Assert.Null(await m.GetCertificateAsync(TripB.Address));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.CertifyAsync(Police, TripB.Address, from, until)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.CertifyAsync(TripA, TripB.Address, from, until)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.CertifyAsync(Issuer, TripA.Address, from, until)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.CertifyAsync(Issuer, TripB.Address, until, from)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.CertifyAsync(Issuer, TripB.Address, from, from.AddHours(25))));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.CertifyAsync(Issuer, Address.Zero, from, until)));
        Assert.Null(await m.GetCertificateAsync(TripB.Address));
    }

    [Fact]
    public async Task Unknown_expired_and_out_of_window_pseudonyms_anchor_nothing()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        await m.CertifyAsync(Issuer, Stranger.Address, scene.ValidFrom, scene.Start.AddMinutes(2));
        StaticObstacleReport early = scene.Static(TripA) with { DetectedAt = scene.ValidFrom.AddSeconds(-1) };
        ContentId stored = await scene.StoreAsync(early);

        Assert.Equal(V2VErrorCodes.UnknownPseudonym, await ErrorCodeAsync(() => m.AnchorReportAsync(Relay, scene.Static(Relay), stored)));
        Assert.Equal(V2VErrorCodes.OutsideCertificateWindow, await ErrorCodeAsync(() => m.AnchorReportAsync(TripA, early, stored)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.AnchorReportAsync(TripB, scene.Static(TripA), stored)));

        await scene.Time.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(V2VErrorCodes.PseudonymExpired, await ErrorCodeAsync(() => m.AnchorReportAsync(Stranger, scene.Static(Stranger, afterMilliseconds: 60_000), stored)));
        Assert.Null(await m.GetObstacleAsync(1));
        Assert.Null(await m.GetReportAsync(ReportCodec.Digest(ReportCodec.Encode(early))));
    }

    [Fact]
    public async Task Malformed_reports_are_refused_naming_the_field_before_anything_is_anchored()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        var id = new ContentId("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy");

        var kind = Assert.Throws<ValueChainFormatException>(() => ReportCodec.Encode(scene.Static(TripA, kind: (ObstacleKind)42)));
        var confidence = Assert.Throws<ValueChainFormatException>(() => ReportCodec.Encode(scene.Static(TripA) with { ConfidencePercent = 101 }));
        var bearing = Assert.Throws<ValueChainFormatException>(() => ReportCodec.Encode(scene.Dynamic(TripA, 0, 0, 100, 36_000)));
        await Assert.ThrowsAsync<ValueChainFormatException>(() => m.AnchorReportAsync(TripA, scene.Static(TripA) with { AccuracyMetres = 0 }, id));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.AnchorReportAsync(TripA, scene.Static(TripA), new ContentId(""))));

        Assert.Equal("kind", kind.ParameterName);
        Assert.Equal("confidencePercent", confidence.ParameterName);
        Assert.Equal("bearingCentidegrees", bearing.ParameterName);
        Assert.Null(await m.GetObstacleAsync(1));
    }

    [Fact]
    public async Task Two_makes_reporting_one_obstacle_map_one_entry_and_one_confirmation()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;

        AnchorOutcome first = await scene.AnchorAsync(TripA, scene.Static(TripA));
        AnchorOutcome second = await scene.AnchorAsync(TripB, scene.Static(TripB, north: ThreeMetres, afterMilliseconds: 400));
        AnchorOutcome otherKind = await scene.AnchorAsync(TripC, scene.Static(TripC, kind: ObstacleKind.Accident, afterMilliseconds: 500));
        AnchorOutcome far = await scene.AnchorAsync(TripC, scene.Static(TripC, north: FarAway, afterMilliseconds: 600));

        Assert.True(first.Mapped);
        Assert.Equal((first.ObstacleId, false, true), (second.ObstacleId, second.Mapped, second.Confirmed));
        Assert.True(otherKind.Mapped && far.Mapped);
        Assert.Equal([1, 2, 3, 4], new[] { first.Sequence, second.Sequence, otherKind.Sequence, far.Sequence });
        Obstacle obstacle = (await m.GetObstacleAsync(first.ObstacleId))!;
        Assert.Equal((2, 1, TripA.Address, ObstacleStatus.Active), (obstacle.Reports, obstacle.Confirmations, obstacle.FirstReporter, obstacle.Status));
        Assert.Equal(V2VScene.Origin, obstacle.Position);
        Assert.Equal(new Reputation(TripA.Address, 1, 1, 0, 0), await m.GetReputationAsync(TripA.Address));
        Assert.Equal(Reputation.Initial(TripB.Address), await m.GetReputationAsync(TripB.Address));
        Assert.Equal([first.ObstacleId, otherKind.ObstacleId], (await m.GetObstaclesNearAsync(V2VScene.Origin)).Select(o => o.Id));
        ReportAnchor anchor = (await m.GetReportAsync(second.Digest))!;
        Assert.Equal((TripB.Address, first.ObstacleId, true, false, (Hash32?)null), (anchor.Reporter, anchor.ObstacleId, anchor.Confirmed, anchor.Flagged, anchor.BatchRoot));
        Assert.Contains(scene.Events, e => e.Name == V2VEvents.ObstacleConfirmed);
        Assert.Equal(3, scene.Events.Count(e => e.Name == V2VEvents.ObstacleMapped));
    }

    [Fact]
    public async Task A_vehicle_confirming_itself_gains_nothing_and_a_second_confirmation_by_one_pseudonym_counts_once()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        AnchorOutcome first = await scene.AnchorAsync(TripA, scene.Static(TripA));

        AnchorOutcome self = await scene.AnchorAsync(TripA, scene.Static(TripA, north: 5, afterMilliseconds: 1_000));
        AnchorOutcome other = await scene.AnchorAsync(TripB, scene.Static(TripB, afterMilliseconds: 2_000));
        AnchorOutcome again = await scene.AnchorAsync(TripB, scene.Static(TripB, north: 3, afterMilliseconds: 3_000));

        Assert.Equal((first.ObstacleId, false), (self.ObstacleId, self.Confirmed));
        Assert.True(other.Confirmed);
        Assert.False(again.Confirmed);
        Obstacle obstacle = (await m.GetObstacleAsync(first.ObstacleId))!;
        Assert.Equal((4, 1), (obstacle.Reports, obstacle.Confirmations));
        Assert.Equal(1, (await m.GetReputationAsync(TripA.Address)).Score);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AnchorReportAsync(TripA, scene.Static(TripA), new ContentId("bafkreisame"))));
    }

    [Fact]
    public async Task A_moving_obstacle_is_matched_where_its_velocity_and_bearing_take_it()
    {
        await using V2VScene scene = await StartAsync();
        // 10 m/s due north; after 20 s it is 200 m (1 799 µdeg) north of where it was seen.
        AnchorOutcome seen = await scene.AnchorAsync(TripA, scene.Dynamic(TripA, 0, 0, 1_000, 0));

        AnchorOutcome ahead = await scene.AnchorAsync(TripB, scene.Dynamic(TripB, 1_799, 0, 1_000, 0, afterMilliseconds: 20_000));
        AnchorOutcome behind = await scene.AnchorAsync(TripC, scene.Dynamic(TripC, -1_799, 0, 1_000, 0, afterMilliseconds: 20_000));
        AnchorOutcome stillThere = await scene.AnchorAsync(TripD, scene.Dynamic(TripD, 0, 0, 1_000, 0, afterMilliseconds: 20_000));

        Assert.Equal((seen.ObstacleId, true), (ahead.ObstacleId, ahead.Confirmed));
        Assert.True(behind.Mapped);
        Assert.True(stillThere.Mapped);
    }

    [Fact]
    public async Task A_batch_is_anchored_once_under_its_merkle_root_and_each_report_proves_its_place()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        List<SignedReport> batch = await scene.SignAsync(
            (TripA, scene.Static(TripA)), (TripB, scene.Static(TripB, north: ThreeMetres, afterMilliseconds: 100)), (TripC, scene.Static(TripC, north: FarAway)));
        Hash32[] digests = [.. batch.Select(r => ReportCodec.Digest(ReportCodec.Encode(r.Report)))];

        V2VReceipt receipt = scene.Record(await m.AnchorBatchAsync(Relay, batch));

        Assert.Equal(ReportBatchTree.Root(digests), receipt.BatchRoot);
        Assert.Equal([true, false, true], receipt.Outcomes.Select(o => o.Mapped));
        Assert.Equal([false, true, false], receipt.Outcomes.Select(o => o.Confirmed));
        Assert.Equal(digests, receipt.Outcomes.Select(o => o.Digest));
        ReportBatch anchored = (await m.GetBatchAsync(receipt.BatchRoot!.Value))!;
        Assert.Equal((3, Relay.Address, 1L), (anchored.Size, anchored.Submitter, anchored.FirstSequence));
        for (int i = 0; i < digests.Length; i++)
        {
            var proof = new BatchProof(anchored.Root, i, ReportBatchTree.Path(digests, i));
            Assert.Equal(ReportStatus.Valid, (await scene.Verifier.VerifyAsync(digests[i], proof)).Status);
            Assert.Equal(anchored.Root, (await m.GetReportAsync(digests[i]))!.BatchRoot);
        }

        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AnchorBatchAsync(Relay, batch)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AnchorBatchAsync(Relay, batch.Take(1).ToList())));
        List<SignedReport> forged = await scene.SignAsync((TripD, scene.Static(TripA, north: 2 * FarAway)));
        Assert.Equal(ErrorCodes.InvalidSignature, await ErrorCodeAsync(() => m.AnchorBatchAsync(Relay, forged)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.AnchorBatchAsync(Relay, [])));
    }

    [Fact]
    public async Task A_proof_for_another_batch_or_position_is_a_bad_proof_and_unanchored_data_is_never_valid()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        List<SignedReport> one = await scene.SignAsync((TripA, scene.Static(TripA)), (TripB, scene.Static(TripB, north: FarAway)));
        List<SignedReport> two = await scene.SignAsync((TripC, scene.Static(TripC, north: 2 * FarAway)), (TripD, scene.Static(TripD, north: 3 * FarAway)));
        Hash32[] first = [.. one.Select(r => ReportCodec.Digest(ReportCodec.Encode(r.Report)))];
        Hash32[] second = [.. two.Select(r => ReportCodec.Digest(ReportCodec.Encode(r.Report)))];
        Hash32 rootOne = (await m.AnchorBatchAsync(Relay, one)).BatchRoot!.Value;
        Hash32 rootTwo = (await m.AnchorBatchAsync(Relay, two)).BatchRoot!.Value;
        StaticObstacleReport loose = scene.Static(TripA, north: 5 * FarAway);
        await scene.StoreAsync(loose);

        Assert.Equal(ReportStatus.BadProof, (await scene.Verifier.VerifyAsync(first[0], new BatchProof(rootTwo, 0, ReportBatchTree.Path(second, 0)))).Status);
        Assert.Equal(ReportStatus.BadProof, (await scene.Verifier.VerifyAsync(first[0], new BatchProof(rootOne, 1, ReportBatchTree.Path(first, 1)))).Status);
        Assert.Equal(ReportStatus.BadProof, (await scene.Verifier.VerifyAsync(first[0])).Status);
        Assert.Equal(ReportStatus.Unanchored, (await scene.Verifier.VerifyAsync(first[0], new BatchProof(Hash32.Zero, 0, ReportBatchTree.Path(first, 0)))).Status);
        Assert.Equal(ReportStatus.Unanchored, (await scene.Verifier.VerifyAsync(loose)).Status);
        scene.Verifier.MarkPending(ReportCodec.Digest(ReportCodec.Encode(loose)));
        Assert.Equal(ReportStatus.Pending, (await scene.Verifier.VerifyAsync(loose)).Status);
        Assert.Equal(ReportStatus.Valid, (await scene.Verifier.VerifyAsync(second[1], new BatchProof(rootTwo, 1, ReportBatchTree.Path(second, 1)))).Status);
    }

    [Fact]
    public async Task Obstacles_expire_after_the_expiry_time_without_confirmation_and_cost_their_reporter()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        AnchorOutcome lonely = await scene.AnchorAsync(TripA, scene.Static(TripA));
        AnchorOutcome confirmed = await scene.AnchorAsync(TripB, scene.Static(TripB, north: FarAway));
        await scene.AnchorAsync(TripC, scene.Static(TripC, north: FarAway, afterMilliseconds: 100));

        Assert.Equal(ErrorCodes.DeadlineNotReached, await ErrorCodeAsync(() => m.ExpireAsync(Stranger, lonely.ObstacleId)));
        await scene.Time.AdvanceAsync(TimeSpan.FromSeconds(601));
        scene.Record(await m.ExpireAsync(Stranger, lonely.ObstacleId));

        Assert.Equal(ObstacleStatus.Expired, (await m.GetObstacleAsync(lonely.ObstacleId))!.Status);
        Assert.Equal(new Reputation(TripA.Address, -1, 0, 1, 0), await m.GetReputationAsync(TripA.Address));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.ExpireAsync(Stranger, lonely.ObstacleId)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => m.ExpireAsync(Stranger, 99)));
        Assert.Empty(await m.GetObstaclesNearAsync(V2VScene.Origin));

        // A report reaching a lapsed obstacle expires it on the spot and maps a new one; a confirmed one costs nothing.
        AnchorOutcome later = await scene.AnchorAsync(TripD, scene.Static(TripD, north: FarAway, afterMilliseconds: 601_000));
        Assert.True(later.Mapped);
        Assert.Equal(ObstacleStatus.Expired, (await m.GetObstacleAsync(confirmed.ObstacleId))!.Status);
        Assert.Equal(new Reputation(TripB.Address, 1, 1, 0, 0), await m.GetReputationAsync(TripB.Address));
    }

    [Fact]
    public async Task Another_vehicle_negates_an_obstacle_contradicting_an_unconfirmed_reporter_whose_reports_then_get_flagged()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        AnchorOutcome a = await scene.AnchorAsync(TripA, scene.Static(TripA));
        AnchorOutcome b = await scene.AnchorAsync(TripA, scene.Static(TripA, north: FarAway));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.NegateAsync(TripA, a.ObstacleId)));
        Assert.Equal(V2VErrorCodes.UnknownPseudonym, await ErrorCodeAsync(() => m.NegateAsync(Stranger, a.ObstacleId)));
        scene.Record(await m.NegateAsync(TripB, a.ObstacleId));
        scene.Record(await m.NegateAsync(TripC, b.ObstacleId));

        Assert.Equal(ObstacleStatus.Negated, (await m.GetObstacleAsync(a.ObstacleId))!.Status);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.NegateAsync(TripC, a.ObstacleId)));
        Assert.Equal(new Reputation(TripA.Address, -4, 0, 0, 2), await m.GetReputationAsync(TripA.Address));
        AnchorOutcome flagged = await scene.AnchorAsync(TripA, scene.Static(TripA, north: 2 * FarAway));
        Assert.True((await m.GetReportAsync(flagged.Digest))!.Flagged);
        Assert.False((await m.GetReportAsync(a.Digest))!.Flagged);
    }

    [Fact]
    public async Task An_authority_excludes_a_pseudonym_which_then_reports_and_confirms_nothing()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        AnchorOutcome a = await scene.AnchorAsync(TripA, scene.Static(TripA));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.ExcludeAsync(TripB, TripA.Address)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => m.ExcludeAsync(Police, Stranger.Address)));
        V2VReceipt exclusion = scene.Record(await m.ExcludeAsync(Police, TripA.Address));

        Assert.True((await m.GetCertificateAsync(TripA.Address))!.Excluded);
        Assert.Contains(exclusion.Events, e => e.Name == V2VEvents.PseudonymExcluded);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.ExcludeAsync(Police, TripA.Address)));
        Assert.Equal(V2VErrorCodes.PseudonymExcluded, await ErrorCodeAsync(() => m.AnchorReportAsync(TripA, scene.Static(TripA, north: FarAway), new ContentId("bafkreix"))));
        AnchorOutcome b = await scene.AnchorAsync(TripB, scene.Static(TripB, afterMilliseconds: 500));
        Assert.Equal((a.ObstacleId, false), (b.ObstacleId, b.Confirmed));
        Assert.Equal(0, (await m.GetReputationAsync(TripA.Address)).Score);
    }

    [Fact]
    public async Task Authorities_alone_read_reports_by_reporter_and_the_ledger_ordered_sequence_around_an_incident()
    {
        await using V2VScene scene = await StartAsync();
        IV2VContract m = scene.Map;
        // B's clock is behind: its report says it saw the accident first, but the ledger anchored it second.
        AnchorOutcome a = await scene.AnchorAsync(TripA, scene.Static(TripA, kind: ObstacleKind.Accident, afterMilliseconds: 5_000));
        AnchorOutcome b = await scene.AnchorAsync(TripB, scene.Static(TripB, north: ThreeMetres, kind: ObstacleKind.Accident));
        AnchorOutcome c = await scene.AnchorAsync(TripC, scene.Static(TripC, north: FarAway));
        AnchorOutcome d = await scene.AnchorAsync(TripA, scene.Static(TripA, north: 40 * FarAway));
        GeoArea area = GeoArea.Around(V2VScene.Origin, 500);
        DateTimeOffset since = scene.Start.AddMinutes(-5), until = scene.Start.AddHours(1);

        IReadOnlyList<ReportAnchor> incident = await m.GetIncidentAsync(Police, area, since, until);
        IReadOnlyList<ReportAnchor> ofA = await m.GetReportsByAsync(Police, [TripA.Address]);
        IReadOnlyList<Obstacle> inArea = await m.GetObstaclesInAreaAsync(Police, area, since, until);

        Assert.Equal([a.Digest, b.Digest], incident.Select(r => r.Digest));
        Assert.Equal([a.Digest, d.Digest], ofA.Select(r => r.Digest));
        Assert.Equal([a.ObstacleId], inArea.Select(o => o.Id));
        Assert.Empty(await m.GetIncidentAsync(Police, area, until, until.AddHours(1)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetIncidentAsync(TripA, area, since, until)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetReportsByAsync(Issuer, [TripA.Address])));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetObstaclesInAreaAsync(Stranger, area, since, until)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.GetIncidentAsync(Police, GeoArea.Around(V2VScene.Origin, 10_000_000), since, until)));
        foreach (ReportAnchor anchor in incident)
        {
            Assert.True((await scene.Verifier.VerifyAsync(anchor.Digest)).IsValid);
        }

        Assert.NotEqual(c.ObstacleId, a.ObstacleId);
    }
}
