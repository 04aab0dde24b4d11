using System.CommandLine;
using Spectre.Console;
using ValueChain.Ledger.InMemory;
using ValueChain.Procurement;

namespace ValueChain.Cli.Simulate;

/// <summary><c>valuechain simulate procurement</c>: the published case study on the embedded ledger, with CSV and PNG plots.</summary>
internal static class ProcurementSimulateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var companies = new Option<int>("--companies") { Description = "Companies (each buys; the first ones supply).", DefaultValueFactory = _ => 10 };
        var machines = new Option<int>("--machines") { Description = "Machines, spread over the companies.", DefaultValueFactory = _ => 50 };
        var quotations = new Option<int>("--quotations") { Description = "Quotations, over two materials.", DefaultValueFactory = _ => 10 };
        var days = new Option<int>("--days") { Description = "Simulated days.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "The seed of consumption, prices and supplier behaviour.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the CSV and PNG files go.", DefaultValueFactory = _ => new DirectoryInfo("simulation-results") };
        var procurement = new Command("procurement", "Runs the machine marketplace case study (10 companies, 50 machines, 10 quotations by default) on the embedded ledger.") { companies, machines, quotations, days, seed, output };
        procurement.SetAction(async (parse, cancellationToken) =>
        {
            var scenario = new ProcurementScenario(parse.GetValue(companies), parse.GetValue(machines), parse.GetValue(quotations), parse.GetValue(days), parse.GetValue(seed));
            if (Math.Min(Math.Min(scenario.Companies, scenario.Machines), Math.Min(scenario.Quotations, scenario.Days)) < 1)
            {
                console.MarkupLine("[red]--companies, --machines, --quotations and --days must each be at least 1.[/]");
                return 2;
            }

            DirectoryInfo directory = parse.GetValue(output)!;
            directory.Create();
            ProcurementSimulationResult? result = null;
            await console.Progress().StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask($"{scenario.Days} days of {scenario.Machines} machines", maxValue: scenario.Days);
                result = await ProcurementSimulation.RunAsync(scenario, StartEmbeddedMarket, new Progress<int>(day => task.Value = day), cancellationToken);
                task.Value = scenario.Days;
            });

            string csv = Path.Combine(directory.FullName, "procurement-simulation.csv");
            await File.WriteAllTextAsync(csv, ProcurementSimulation.ToCsv(result!), cancellationToken);
            IReadOnlyList<string> plots = ProcurementSimulationPlots.Write(result!, directory.FullName);

            var stages = new Table().Title($"{result!.Transactions} transactions in {result.WallTime.TotalSeconds:F2} s ({result.TransactionsPerSecond:F0} tx/s); {result.Orders} orders, {result.Cancelled} cancelled").AddColumns("Stage", "Transactions", "Seconds", "tx/s");
            foreach (ProcurementStageFigures stage in result.Stages)
            {
                stages.AddRow(stage.Stage, stage.Transactions.ToString(), stage.WallTime.TotalSeconds.ToString("F2"), stage.TransactionsPerSecond.ToString("F0"));
            }

            console.Write(stages);
            var suppliers = new Table().Title("Suppliers").AddColumns("Supplier", "Late (seeded)", "Deliveries", "On time", "Failed", "Final rate", "Orders won", "Share");
            foreach (SupplierOutcome s in result.Suppliers)
            {
                suppliers.AddRow(s.CompanyId, $"{s.LatePercent} %", s.Evaluation.Deliveries.ToString(), s.Evaluation.OnTimeDeliveries.ToString(), s.Evaluation.FailedDeliveries.ToString(),
                    s.Evaluation.OnTimeRate is { } rate ? $"{rate / 100.0:F1} %" : "no history", s.OrdersWon.ToString(), $"{s.Share / 100.0:F1} %");
            }

            console.Write(suppliers);
            console.MarkupLine(result.TokensConserved ? "[green]Tokens conserved, escrow balanced.[/]" : "[red]TOKENS NOT CONSERVED[/]");
            console.MarkupLine($"Wrote {Markup.Escape(csv)} and {string.Join(", ", plots.Select(p => Markup.Escape(Path.GetFileName(p))))}.");
            return result.TokensConserved ? 0 : 1;
        });
        return procurement;
    }

    private static (IProcurementContract, Ledger.ILedgerTimeControl, IAsyncDisposable) StartEmbeddedMarket(ProcurementOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)) },
            [new ProcurementChaincode(options)]);
        return (new ProcurementChaincodeAdapter(ledger), ledger, ledger);
    }
}
