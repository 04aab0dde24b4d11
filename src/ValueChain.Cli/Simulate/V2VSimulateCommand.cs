using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Mqtt;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.V2V;

namespace ValueChain.Cli.Simulate;

/// <summary>
/// <c>valuechain simulate v2v</c>: the spec's check (six vehicles stuck near six obstacles) and one run per fleet size,
/// on the embedded ledger or Ethereum, the live feed over a local Mosquitto when one is installed (in process otherwise,
/// said so), with a CSV, a latency plot and a map picture per run.
/// </summary>
internal static class V2VSimulateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var vehicles = new Option<int[]>("--vehicles")
        {
            Description = "Fleet sizes, one run each (comma- or space-separated).",
            DefaultValueFactory = _ => [.. V2VSimulation.FleetSizes],
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : Refuse(result, v))],
        };
        var seed = new Option<int>("--seed") { Description = "The seed of the world and every random choice.", DefaultValueFactory = _ => 1 };
        var duration = new Option<int>("--duration") { Description = "Simulated seconds of driving per run.", DefaultValueFactory = _ => 60 };
        var batch = new Option<int>("--batch") { Description = "Reports per batch a roadside relay anchors; 1 anchors each report in its own transaction.", DefaultValueFactory = _ => 1 };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "Simulated seconds per wall-clock second: 1 drives in real time (each vehicle reports at its detection time), 0 sends each second's reports at once (a capacity run).",
            DefaultValueFactory = _ => 1,
        };
        var linger = new Option<int>("--linger") { Description = "With --batch, how long (ms of simulated time) the relay waits for more reports before it anchors a batch that is not full.", DefaultValueFactory = _ => 100 };
        var listeners = new Option<int>("--listeners") { Description = "How many vehicles per run subscribe to the live feed and verify what they receive.", DefaultValueFactory = _ => 50 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the CSV and PNG files go.", DefaultValueFactory = _ => new DirectoryInfo("simulation-results") };
        var ledgerOption = new Option<string>("--ledger") { Description = "'embedded' (default, in process) or 'ethereum' (a local anvil, or the node of --rpc).", DefaultValueFactory = _ => "embedded" };
        ledgerOption.AcceptOnlyFromAmong("embedded", "ethereum");
        var rpcOption = new Option<Uri?>("--rpc") { Description = "The JSON-RPC URL of an Ethereum development node for --ledger ethereum." };
        var v2v = new Command("v2v", "Runs the V2V obstacle-sharing simulation: the spec's six-stuck-vehicles check, then one run per fleet size.")
        {
            vehicles, seed, duration, batch, timeScale, linger, listeners, output, ledgerOption, rpcOption,
        };
        v2v.SetAction(async (parse, cancellationToken) =>
        {
            bool ethereum = parse.GetValue(ledgerOption) == "ethereum";
            Uri? rpc = parse.GetValue(rpcOption);
            if (rpc is not null && !ethereum)
            {
                console.MarkupLine("[red]--rpc needs --ledger ethereum.[/]");
                return 1;
            }

            DirectoryInfo directory = parse.GetValue(output)!;
            directory.Create();
            bool mqtt = LocalMosquitto.FindBinary() is not null && LocalMosquitto.FindDynamicSecurityPlugin() is not null;
            console.MarkupLine(mqtt
                ? "The live feed runs over MQTT v5: a local Mosquitto per run (its retained tiles belong to that run's ledger), vehicles on a read-only account."
                : "[yellow]Mosquitto is not installed: the live feed runs in process, not over MQTT[/] (sudo apt-get install mosquitto for the real broker).");
            var starter = new MapStarter(new DemoLedgerChoice(ethereum, rpc));
            V2VSimulationScenario Scenario(V2VSimulationScenario s) => s with
            {
                DurationSeconds = parse.GetValue(duration), BatchSize = parse.GetValue(batch), Listeners = parse.GetValue(listeners),
                TimeScale = parse.GetValue(timeScale), BatchLingerMilliseconds = parse.GetValue(linger),
            };

            var results = new List<V2VSimulationResult>();
            try
            {
                await console.Progress().StartAsync(async progress =>
                {
                    int[] sizes = parse.GetValue(vehicles)!;
                    ProgressTask task = progress.AddTask($"the stuck-vehicles check and {sizes.Length} runs", maxValue: sizes.Length + 1);
                    foreach (V2VSimulationScenario scenario in sizes.Select(n => new V2VSimulationScenario(n, parse.GetValue(seed))).Prepend(V2VSimulationScenario.Stuck(6, parse.GetValue(seed))))
                    {
                        await using LocalMosquitto? broker = mqtt ? await LocalMosquitto.StartAsync(new() { Accounts = [Publisher, Vehicles] }, cancellationToken) : null;
                        V2VSimulationFeed feed = broker is null ? V2VSimulationFeed.InProcess() : V2VSimulationFeed.Mqtt(broker.Endpoint, Publisher, Vehicles);
                        results.Add(await V2VSimulation.RunAsync(Scenario(scenario), starter.StartAsync, feed, EmbeddedContentStore.InMemory(), cancellationToken));
                        task.Increment(1);
                    }
                });
            }
            catch (ConfigurationException e)
            {
                console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                return 1;
            }

            string csv = Path.Combine(directory.FullName, "v2v-simulation.csv");
            await File.WriteAllTextAsync(csv, V2VSimulation.ToCsv(results), cancellationToken);
            IReadOnlyList<string> plots = V2VSimulationPlots.Write(results, directory.FullName);
            Report(console, results);
            console.MarkupLine($"Wrote {Markup.Escape(csv)} and {string.Join(", ", plots.Select(p => Markup.Escape(Path.GetFileName(p))))}.");
            return results.All(r => r.Duplicates == 0 && r.Merged == 0 && r.Refused == 0) && results[0].MappedObstacles == 6 ? 0 : 2;
        });
        return v2v;
    }

    private static readonly MqttAccount Publisher = V2VTopics.PublisherAccount("v2v-publisher", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
    private static readonly MqttAccount Vehicles = V2VTopics.VehicleAccount("v2v-vehicles", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private static int Refuse(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--vehicles takes positive whole numbers, not '{value}'.");
        return 0;
    }

    private static void Report(IAnsiConsole console, List<V2VSimulationResult> results)
    {
        V2VSimulationResult stuck = results[0];
        console.MarkupLine($"The spec's check: six vehicles stuck near six obstacles map {(stuck.MappedObstacles == 6 ? "[green]" : "[red]")}{stuck.MappedObstacles}[/] obstacles from {stuck.Reports} reports.");
        var table = new Table().Title($"V2V simulation on the {Markup.Escape(results[0].Ledger)}; feed {Markup.Escape(results[0].Feed)}")
            .AddColumns("Vehicles", "Reports", "Mapped", "Duplicates", "Tx", "Tx/s", "Reports/s", "Tx/block", "Block time", "Store p50/p95/p99 ms", "Verify p50/p95/p99 ms", "Retrieve p50/p95/p99 ms", "Limits");
        foreach (V2VSimulationResult r in results)
        {
            table.AddRow(
                r.Scenario.StuckNearObstacles ? $"{r.Scenario.Vehicles} stuck" : r.Scenario.Vehicles.ToString(CultureInfo.InvariantCulture),
                r.Reports.ToString(CultureInfo.InvariantCulture), $"{r.MappedObstacles} of {r.DetectedObstacles} seen",
                r.Duplicates == 0 && r.Merged == 0 ? "[green]0[/]" : $"[red]{r.Duplicates} (+{r.Merged} merged)[/]",
                r.Transactions.ToString(CultureInfo.InvariantCulture), r.TransactionsPerSecond.ToString("F0", CultureInfo.InvariantCulture), r.ReportsPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                r.TransactionsPerBlock.ToString("F1", CultureInfo.InvariantCulture), $"{r.BlockTime.TotalMilliseconds:F1} ms",
                Figures(r.Store), Figures(r.Verify), Figures(r.Retrieve),
                (r.StoreWithinLimit ? "[green]store ≤ 500 ms[/]" : "[red]store > 500 ms[/]") + ", " + (r.VerifyRetrieveWithinLimit ? "[green]verify+retrieve ≤ 1 s[/]" : "[red]verify+retrieve > 1 s[/]"));
        }

        console.Write(table);
    }

    private static string Figures(LatencyPercentiles p) => string.Create(CultureInfo.InvariantCulture, $"{p.P50:F1} / {p.P95:F1} / {p.P99:F1}");

    /// <summary>Starts a fresh obstacle map per run: the embedded ledger (blocks of up to 500 transactions), or Ethereum as the demos do.</summary>
    private sealed class MapStarter(DemoLedgerChoice choice)
    {
        public async Task<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)> StartAsync(V2VOptions options, IReadOnlyList<ISigner> actors, CancellationToken cancellationToken)
        {
            var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
            if (!choice.Ethereum)
            {
                var ledger = InMemoryLedger.Open(
                    new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(start) },
                    [new V2VChaincode(options)]);
                return (new V2VChaincodeAdapter(ledger), ledger, ledger, "embedded ledger");
            }

            DemoLedger node = await choice.OpenAsync(cancellationToken);
            try
            {
                await node.AddActorsAsync(actors, cancellationToken);
                (IV2VContract map, ILedgerTimeControl time) = await node.V2VAsync(options, start, cancellationToken);
                return (map, time, node, node.Name);
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }
}
