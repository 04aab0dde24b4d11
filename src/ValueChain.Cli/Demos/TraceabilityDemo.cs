using Microsoft.Data.Sqlite;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Ledger;
using ValueChain.Cryptography;
using ValueChain.Traceability;

namespace ValueChain.Cli.Demos;

/// <summary>
/// The published PartChain case study: one OEM, three suppliers, one LSP, four parts; a counterfeit
/// rejected at pick-up; a recall that finds the vehicle, checked against the ledger.
/// </summary>
internal sealed class TraceabilityDemo : IDemo
{
    private static readonly Location Munich = new(GeoPoint.FromDegrees(48.137154, 11.576124), "OEM plant Munich");
    private static readonly Location Tier1Plant = new(GeoPoint.FromDegrees(48.775846, 9.182932), "Tier-1 plant Stuttgart");
    private static readonly Location Tier2Plant = new(GeoPoint.FromDegrees(49.452030, 11.076750), "Tier-2 plant Nuremberg");

    private static readonly string[] CastNames = ["OEM", "Tier-1", "Tier-2 A", "Tier-2 B", "LSP"];

    public string Name => "traceability";

    public string Description => "PartChain case study: parts through three tiers, a counterfeit rejected, a recall that finds the vehicle";

    public bool RunsOnAnyLedger => true;

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        (string Name, EthereumSigner Key)[] cast = CastNames
            .Select(name => (name, new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes("demo " + name)).ToArray()))))
            .ToArray();
        EthereumSigner Key(string name) => cast.First(c => c.Name == name).Key;
        var options = new TraceabilityOptions();
        foreach ((string name, EthereumSigner key) in cast)
        {
            ParticipantRole role = name == "OEM" ? ParticipantRole.Oem : name == "LSP" ? ParticipantRole.Lsp : ParticipantRole.Supplier;
            options.GenesisParticipants.Add(new Participant(key.Address, name, role, IsAdmin: name is "OEM" or "Tier-1", DateTimeOffset.UnixEpoch, null));
        }

        await using DemoLedger ledger = await ledgers.OpenAsync(cancellationToken);
        await ledger.AddActorsAsync(cast.Select(c => c.Key), cancellationToken);
        (ITraceabilityContract chain, ILedgerTimeControl clock) = await ledger.TraceabilityAsync(options, new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero), cancellationToken);
        TraceabilityClient Client(string name) => new(chain, Key(name));
        DateTimeOffset due = (await clock.GetTimeAsync(cancellationToken)).AddDays(7);

        var steps = new Table().Title($"Case study on the {Markup.Escape(ledger.Name)}").AddColumns("Who", "What", "Result");
        async Task Step(string who, string what, Func<TraceabilityClient, Task<TraceabilityReceipt>> action)
        {
            TraceabilityReceipt receipt = await action(Client(who));
            string result = receipt.Rejection is { } r
                ? $"[red]rejected: {Markup.Escape(string.Join(", ", r.Parts.Select(p => $"{p.PartId} {p.Reason}")))}[/] (recorded, visible to all)"
                : $"[green]block {receipt.BlockNumber}[/]";
            steps.AddRow(who, Markup.Escape(what), result);
            await clock.AdvanceAsync(TimeSpan.FromHours(3), cancellationToken);
        }

        await Step("Tier-2 A", "registers sensor SENSOR-1 (batch B-2026-11)", c => c.RegisterPartsAsync([new("SENSOR-1", "PN-SENSOR", "B-2026-11")], Tier2Plant, cancellationToken));
        await Step("Tier-2 B", "registers brake pad PAD-1", c => c.RegisterPartsAsync([new("PAD-1", "PN-PAD", "B-PAD-7")], Tier2Plant, cancellationToken));
        await Step("Tier-1", "orders the sensor and the pad", async c =>
        {
            await c.PlaceOrderAsync("PO-T1-1", Key("Tier-2 A").Address, "PN-SENSOR", 1, due, cancellationToken);
            return await c.PlaceOrderAsync("PO-T1-2", Key("Tier-2 B").Address, "PN-PAD", 1, due, cancellationToken);
        });
        await Step("Tier-2 A", "ships SENSOR-1 through the LSP", c => c.CreateDeliveryAsync("DL-1", "PO-T1-1", Key("LSP").Address, ["SENSOR-1"], cancellationToken));
        await Step("Tier-2 B", "ships PAD-1 through the LSP", c => c.CreateDeliveryAsync("DL-2", "PO-T1-2", Key("LSP").Address, ["PAD-1"], cancellationToken));
        await Step("LSP", "picks up DL-1 and DL-2", async c =>
        {
            await c.PickUpAsync("DL-1", ["SENSOR-1"], Tier2Plant, cancellationToken);
            return await c.PickUpAsync("DL-2", ["PAD-1"], Tier2Plant, cancellationToken);
        });
        await Step("Tier-1", "receives both deliveries", async c =>
        {
            await c.AcceptDeliveryAsync("DL-1", ["SENSOR-1"], Tier1Plant, cancellationToken);
            return await c.AcceptDeliveryAsync("DL-2", ["PAD-1"], Tier1Plant, cancellationToken);
        });
        await Step("Tier-1", "registers brake module BRAKE-1 and bolt kit KIT-1, assembles the module", async c =>
        {
            await c.RegisterPartsAsync([new("BRAKE-1", "PN-BRAKE", "B-BRK-3", PartKind.Assembly), new("KIT-1", "PN-KIT", "B-KIT-1")], Tier1Plant, cancellationToken);
            return await c.AssembleAsync("BRAKE-1", ["SENSOR-1", "PAD-1"], Tier1Plant, cancellationToken);
        });
        await Step("OEM", "orders the module and the kit", async c =>
        {
            await c.PlaceOrderAsync("PO-OEM-1", Key("Tier-1").Address, "PN-BRAKE", 1, due, cancellationToken);
            return await c.PlaceOrderAsync("PO-OEM-2", Key("Tier-1").Address, "PN-KIT", 1, due, cancellationToken);
        });
        await Step("Tier-1", "ships BRAKE-1 and KIT-1 through the LSP", async c =>
        {
            await c.CreateDeliveryAsync("DL-3", "PO-OEM-1", Key("LSP").Address, ["BRAKE-1"], cancellationToken);
            return await c.CreateDeliveryAsync("DL-4", "PO-OEM-2", Key("LSP").Address, ["KIT-1"], cancellationToken);
        });
        await Step("LSP", "scans DL-3 at pick-up: BRAKE-1 and a counterfeit FAKE-0815", c => c.PickUpAsync("DL-3", ["BRAKE-1", "FAKE-0815"], Tier1Plant, cancellationToken));
        await Step("LSP", "rescans DL-3 without the counterfeit, picks up DL-4", async c =>
        {
            await c.PickUpAsync("DL-3", ["BRAKE-1"], Tier1Plant, cancellationToken);
            return await c.PickUpAsync("DL-4", ["KIT-1"], Tier1Plant, cancellationToken);
        });
        await Step("OEM", "receives both deliveries", async c =>
        {
            await c.AcceptDeliveryAsync("DL-3", ["BRAKE-1"], Munich, cancellationToken);
            return await c.AcceptDeliveryAsync("DL-4", ["KIT-1"], Munich, cancellationToken);
        });
        await Step("OEM", "builds vehicle WVWZZZ1JZXW000001 from the module and the kit", async c =>
        {
            await c.RegisterPartsAsync([new("WVWZZZ1JZXW000001", "PN-VEHICLE", "B-2026-W47", PartKind.Assembly)], Munich, cancellationToken);
            return await c.AssembleAsync("WVWZZZ1JZXW000001", ["BRAKE-1", "KIT-1"], Munich, cancellationToken);
        });
        await Step("Tier-2 A", "recalls sensor batch B-2026-11", c => c.RecallBatchAsync("B-2026-11", cancellationToken));
        console.Write(steps);

        var history = new Table().Title("History of SENSOR-1 (from the ledger)").AddColumns("Time", "Event", "By", "Where", "Detail");
        foreach (PartEvent e in await chain.GetHistoryAsync("SENSOR-1", cancellationToken))
        {
            string by = cast.First(c => c.Key.Address == e.Actor).Name;
            string? detail = e.Type == PartEventType.OwnershipTransferred ? cast.First(c => c.Key.Address.ToString() == e.Related).Name : e.Related;
            history.AddRow(e.Time.ToString("MM-dd HH:mm"), e.Type.ToString(), by, Markup.Escape(e.Location?.Site ?? ""), Markup.Escape(detail ?? ""));
        }

        console.Write(history);

        // Recall runs on the ERP read model (SQLite here), then is checked against the ledger.
        string database = Path.Combine(Path.GetTempPath(), $"valuechain-demo-{Guid.NewGuid():N}.db");
        try
        {
            Func<System.Data.Common.DbConnection> readModel = () => new SqliteConnection($"Data Source={database};Pooling=False");
            var projection = new TraceabilityProjection(chain, readModel, Key("OEM"));
            await projection.EnsureSchemaAsync(cancellationToken);
            int events = await projection.CatchUpAsync(cancellationToken);
            var recall = new TraceabilityRecall(readModel, chain);
            RecallResult result = await recall.FindByBatchAsync("B-2026-11", cancellationToken);
            RecallVerification check = await recall.VerifyBatchAsync("B-2026-11", result, cancellationToken);
            AuthenticityReport fake = await chain.CheckAuthenticityAsync("FAKE-0815", cancellationToken);

            var summary = new Table().Title("Recall of batch B-2026-11").AddColumns("Question", "Answer");
            summary.AddRow("ERP read model", $"{events} ledger events projected into SQLite");
            summary.AddRow("Recalled parts", string.Join(", ", result.Parts));
            summary.AddRow("Assemblies containing them", string.Join(", ", result.Assemblies));
            summary.AddRow("Affected vehicles", $"[bold]{string.Join(", ", result.Vehicles)}[/]");
            summary.AddRow("Checked against the ledger", check.Matches ? "[green]the ledger gives the same answer[/]" : "[red]MISMATCH[/]");
            summary.AddRow("Rejections recorded for DL-3", (await chain.GetRejectionsAsync("DL-3", cancellationToken)).Count.ToString());
            summary.AddRow("Is FAKE-0815 authentic?", fake.IsAuthentic ? "[red]yes[/]" : $"[green]no[/]: {Markup.Escape(fake.Reason ?? "")}");
            summary.AddRow("Ledger checked", await ledger.CheckAsync(cancellationToken));
            console.Write(summary);
        }
        finally
        {
            File.Delete(database);
        }
    }
}
