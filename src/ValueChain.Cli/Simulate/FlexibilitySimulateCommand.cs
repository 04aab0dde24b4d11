using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using ValueChain.Flexibility;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Cli.Simulate;

/// <summary><c>valuechain simulate flexibility</c>: the published grid on the embedded ledger, with CSV and PNG plots.</summary>
internal static class FlexibilitySimulateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var evs = new Option<int>("--evs") { Description = "Fleet size.", DefaultValueFactory = _ => 1000 };
        var locations = new Option<int[]>("--locations") { Description = "Location counts.", DefaultValueFactory = _ => [25, 50, 75, 100, 500], AllowMultipleArgumentsPerToken = true };
        var rejections = new Option<int[]>("--rejection") { Description = "TSO rejection percentages.", DefaultValueFactory = _ => [50, 75, 90], AllowMultipleArgumentsPerToken = true };
        var performances = new Option<int[]>("--performance") { Description = "Fleet performance percentages.", DefaultValueFactory = _ => [50, 80, 90], AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "The seed of the fleet and every random choice.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the CSV and PNG files go.", DefaultValueFactory = _ => new DirectoryInfo("simulation-results") };
        var flexibility = new Command("flexibility", "Runs the EV flexibility market grid (one market day per run) on the embedded ledger.") { evs, locations, rejections, performances, seed, output };
        flexibility.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<SimulationScenario> grid = FlexibilitySimulation.Grid(parse.GetValue(evs), parse.GetValue(seed), parse.GetValue(locations), parse.GetValue(rejections), parse.GetValue(performances));
            DirectoryInfo directory = parse.GetValue(output)!;
            directory.Create();
            var results = new List<SimulationResult>();
            var clock = Stopwatch.StartNew();
            await console.Progress().StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask($"{grid.Count} runs of {parse.GetValue(evs)} EVs", maxValue: grid.Count);
                foreach (SimulationScenario scenario in grid)
                {
                    results.Add(await FlexibilitySimulation.RunAsync(scenario, StartEmbeddedMarket, cancellationToken));
                    task.Increment(1);
                }
            });
            TimeSpan wall = clock.Elapsed;
            string csv = Path.Combine(directory.FullName, "flexibility-simulation.csv");
            await File.WriteAllTextAsync(csv, FlexibilitySimulation.ToCsv(results), cancellationToken);
            IReadOnlyList<string> plots = SimulationPlots.Write(results, directory.FullName);

            var table = new Table().Title($"{results.Count} runs in {wall.TotalSeconds:F1} s").AddColumns("Locations", "Rejection", "Performance", "Offers", "Sold", "Energy kWh", "Revenue", "tx/s offer/bid/contract/pay", "Fits windows");
            foreach (SimulationResult r in results)
            {
                table.AddRow(
                    r.Scenario.Locations.ToString(), $"{r.Scenario.TsoRejectionPercent} %", $"{r.Scenario.PerformancePercent} %", r.OffersCreated.ToString(), r.OffersSold.ToString(),
                    (r.EnergyDeliveredWh / 1000.0).ToString("F1"), r.Revenue.ToString(), string.Join(" / ", r.Stages.Select(s => s.TransactionsPerSecond.ToString("F0"))),
                    r.Stages.All(s => s.FitsWindow) ? "[green]yes[/]" : "[red]no[/]");
            }

            console.Write(table);
            console.MarkupLine($"Wrote {Markup.Escape(csv)} and {string.Join(", ", plots.Select(p => Markup.Escape(Path.GetFileName(p))))}.");
            return 0;
        });
        return flexibility;
    }

    private static (IFlexibilityContract, Ledger.ILedgerTimeControl, IAsyncDisposable) StartEmbeddedMarket(FlexibilityOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)) },
            [new FlexibilityChaincode(options)]);
        return (new FlexibilityChaincodeAdapter(ledger), ledger, ledger);
    }
}
