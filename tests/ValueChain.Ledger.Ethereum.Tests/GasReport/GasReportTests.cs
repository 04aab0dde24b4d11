using System.Reflection;
using ValueChain.Conformance.Flexibility;
using ValueChain.Conformance.Traceability;
using ValueChain.Flexibility;
using ValueChain.Testing;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>
/// Runs the conformance scenarios of the applications on a node of its own, attributes the gas of every mined
/// transaction to its contract function, and holds the result against docs/gas.md: a function whose highest gas
/// grew by more than 10 % fails the test, as does a function the report does not list.
/// VALUECHAIN_UPDATE_GOLDEN=1 rewrites the report after an intended change (review the diff).
/// </summary>
public sealed class GasReportTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private const double AllowedGrowth = 0.10;
    private static readonly string[] FlexibilityContracts = ["FlexWhitelist", "FlexToken", "FlexPlatform", "FlexPayment"];
    private static readonly string[] TraceabilityContracts = ["PartChain", "PartChainCorrections"];

    [Fact]
    public async Task No_function_uses_more_than_10_percent_more_gas_than_docs_gas_md_says()
    {
        var measured = new GasReport();
        await RunScenariosAsync(new FlexibilityScenarios(anvil));
        await ScanAsync(anvil, FlexibilityContracts, measured);
        await RunScenariosAsync(new TraceabilityScenarios(node => ScanAsync(node, TraceabilityContracts, measured)));
        string path = Path.Combine(RepositoryPaths.Root, "docs", "gas.md");
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, measured.ToMarkdown(
                "Gas per contract function",
                "Gas used by every state-changing function of the applications' contracts (and their deployments) in the conformance scenarios on anvil, "
                + "written by `GasReportTests` in tests/ValueChain.Ledger.Ethereum.Tests with `VALUECHAIN_UPDATE_GOLDEN=1`. "
                + "The test fails when a function's highest gas grows by more than 10 % over this report."), TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run GasReportTests once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Dictionary<string, ulong> committed = GasReport.ParseMaxima(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var problems = new List<string>();
        foreach ((string function, ulong max) in measured.Maxima())
        {
            if (!committed.TryGetValue(function, out ulong allowed))
            {
                problems.Add($"{function} ({max} gas) is not in docs/gas.md");
            }
            else if (max > allowed * (1 + AllowedGrowth))
            {
                problems.Add($"{function} used {max} gas, {(double)max / allowed - 1:P0} more than the {allowed} in docs/gas.md");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n(regenerate with VALUECHAIN_UPDATE_GOLDEN=1 after an intended change)");
        Assert.Contains("FlexPayment.requestOcmfPayment", committed.Keys);
        Assert.Contains("PartChain.acceptDelivery", committed.Keys);
    }

    private static async Task ScanAsync(AnvilNode node, string[] contracts, GasReport report)
    {
        using var http = new HttpClient();
        await ChainGasScanner.ScanAsync(new JsonRpcClient(http, new JsonRpcOptions { Endpoint = node.Endpoint }), contracts, report, TestContext.Current.CancellationToken);
    }

    // Every [Fact] and [InlineData] case of a conformance suite, in declaration order.
    private static async Task RunScenariosAsync(object suite)
    {
        foreach (MethodInfo scenario in suite.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            if (scenario.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                foreach (InlineDataAttribute data in scenario.GetCustomAttributes<InlineDataAttribute>())
                {
                    await (Task)scenario.Invoke(suite, data.Data)!;
                }
            }
            else if (scenario.GetCustomAttribute<FactAttribute>() is not null)
            {
                await (Task)scenario.Invoke(suite, null)!;
            }
        }
    }

    private sealed class FlexibilityScenarios(AnvilNode anvil) : FlexibilityConformance
    {
        protected override Task<FlexibilityUnderTest> StartLedgerAsync(FlexibilityOptions options) => AnvilMarkets.StartAsync(anvil, options);
    }

    // A node per scenario (see AnvilTraceability), read into the report before it stops.
    private sealed class TraceabilityScenarios(Func<AnvilNode, Task> scan) : TraceabilityConformance
    {
        protected override Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(options, scan);
    }
}
