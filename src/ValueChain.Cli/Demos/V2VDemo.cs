using System.Text;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Content;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.V2V;

namespace ValueChain.Cli.Demos;

/// <summary>
/// Two makes report one obstacle: one entry and one confirmation; a vehicle confirming itself gains nothing; a report
/// altered in the store is named Tampered; an authority reconstructs an incident in ledger order.
/// </summary>
internal sealed class V2VDemo : IDemo
{
    public string Name => "v2v";

    public string Description => "V2V obstacle sharing: two makes map one obstacle with one confirmation, self-confirmation gains nothing, a tampered report is caught, an authority reconstructs an incident";

    public bool RunsOnAnyLedger => true;

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        EthereumSigner issuer = Key("enrolment issuer"), police = Key("police");
        TripKeys aurora = new(Keccak256.Hash("Aurora master secret"u8).ToArray()), borealis = new(Keccak256.Hash("Borealis master secret"u8).ToArray());
        EthereumSigner tripA = aurora.ForTrip(1), tripB = borealis.ForTrip(1);
        var options = new V2VOptions { Issuer = issuer.Address };
        options.Authorities.Add(police.Address);
        await using DemoLedger ledger = await ledgers.OpenAsync(cancellationToken);
        await ledger.AddActorsAsync([issuer, police, tripA, tripB], cancellationToken);
        (IV2VContract map, ILedgerTimeControl clock) = await ledger.V2VAsync(options, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), cancellationToken);
        string folder = Directory.CreateTempSubdirectory("valuechain-v2v-demo-").FullName;
        try
        {
            IContentStore store = EmbeddedContentStore.Open(folder);
            var clients = new V2VClientFactory(map, store, options.Rules);
            V2VClient a = clients.Create(tripA), b = clients.Create(tripB);
            AuthorityClient authority = clients.CreateAuthority(police);
            DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds((await clock.GetTimeAsync(cancellationToken)).ToUnixTimeSeconds());
            var enrolment = new EnrolmentIssuer(map, issuer);
            await enrolment.CertifyTripAsync(Key("Aurora VIN").Address, tripA.Address, now.AddMinutes(-1), now.AddHours(2), cancellationToken);
            await enrolment.CertifyTripAsync(Key("Borealis VIN").Address, tripB.Address, now.AddMinutes(-1), now.AddHours(2), cancellationToken);

            var steps = new Table().Title($"Obstacle sharing on the {Markup.Escape(ledger.Name)}").AddColumns("Who", "What", "Result");
            void Row(string who, string what, string result) => steps.AddRow(who, Markup.Escape(what), result);
            var debris = new GeoPoint(48_137_000, 11_575_000);
            Row("Issuer", "certifies one trip address each for an Aurora and a Borealis car", "[green]2 certificates[/], no vehicle named on the ledger");

            (ContentId stored, AnchorOutcome first) = await a.ReportAsync(new StaticObstacleReport(tripA.Address, now, debris, 3, ObstacleKind.Debris, 92), cancellationToken);
            Row("Aurora", "reports debris (stored as a raw block, anchored)", $"[green]obstacle {first.ObstacleId} mapped[/] ({Markup.Escape(stored.Value[..16])}…)");

            var seenByB = new StaticObstacleReport(tripB.Address, now.AddMilliseconds(800), new GeoPoint(debris.LatitudeMicrodegrees + 27, debris.LongitudeMicrodegrees), 4, ObstacleKind.Debris, 88);
            long? preview = await b.PreviewAsync(seenByB, cancellationToken);
            AnchorOutcome second = (await b.ReportAsync(seenByB, cancellationToken)).Outcome;
            int entries = (await map.GetObstaclesNearAsync(debris, cancellationToken)).Count;
            Row("Borealis", "sees the same debris 3 m away (preview, then report)", $"preview: obstacle {preview}; the ledger: [green]obstacle {second.ObstacleId}, confirmation {(second.Confirmed ? "counted" : "NOT COUNTED")}[/], {entries} entry on the map");

            AnchorOutcome self = (await a.ReportAsync(new StaticObstacleReport(tripA.Address, now.AddSeconds(2), debris, 3, ObstacleKind.Debris, 95), cancellationToken)).Outcome;
            long score = (await a.ReputationAsync(cancellationToken)).Score;
            Row("Aurora", "reports its own obstacle again, hoping to confirm itself", $"matched obstacle {self.ObstacleId}, [green]{(self.Confirmed ? "COUNTED" : "not counted")}[/]; Aurora's reputation stays {score}");

            var crash = new GeoPoint(48_150_000, 11_590_000);
            AnchorOutcome crashA = (await a.ReportAsync(new StaticObstacleReport(tripA.Address, now.AddSeconds(9), crash, 2, ObstacleKind.Accident, 99), cancellationToken)).Outcome;
            var crashReportB = new StaticObstacleReport(tripB.Address, now.AddSeconds(5), new GeoPoint(crash.LatitudeMicrodegrees - 20, crash.LongitudeMicrodegrees), 3, ObstacleKind.Accident, 97);
            (ContentId crashB, _) = await b.ReportAsync(crashReportB, cancellationToken);
            TamperWithStoredBlock(folder, ReportCodec.Encode(crashReportB));
            ReportVerification tampered = await a.Verifier.VerifyAsync(crashReportB, null, cancellationToken);
            Row("Someone", $"alters Borealis's stored accident report {crashB.Value[..16]}… on disk", tampered.Status == ReportStatus.Tampered ? "[green]Tampered[/] (never returned as valid)" : $"[red]{tampered.Status}[/]");

            GeoArea around = GeoArea.Around(crash, 1_000);
            IReadOnlyList<ReportVerification> incident = await authority.ReconstructIncidentAsync(around, now.AddMinutes(-10), now.AddHours(1), cancellationToken);
            IReadOnlyList<ReportAnchor> order = await map.GetIncidentAsync(police, around, now.AddMinutes(-10), now.AddHours(1), cancellationToken);
            string sequence = string.Join(", ", order.Zip(incident, (anchor, check) => $"#{anchor.Sequence} {check.Status}"));
            Row("Police", "reconstructs the accident: reports in ledger order, each verified", $"[green]{incident.Count} reports[/]: {Markup.Escape(sequence)} (Borealis's clock said it saw it first; the ledger anchored Aurora's #{crashA.Sequence} first)");

            console.Write(steps);
            console.MarkupLine($"The ledger: {await ledger.CheckAsync(cancellationToken)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Flips one byte of the block file that holds these bytes, as a disk error or an intruder would.
    private static void TamperWithStoredBlock(string folder, byte[] bytes)
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(folder, "blocks"), "*", SearchOption.AllDirectories))
        {
            if (File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))
            {
                bytes[10] ^= 0xff;
                File.WriteAllBytes(file, bytes);
                return;
            }
        }
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("demo " + name)).ToArray()));
}
