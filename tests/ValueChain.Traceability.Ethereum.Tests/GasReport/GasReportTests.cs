using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>
/// Runs the Traceability conformance scenarios, attributes the gas of every mined transaction to its contract
/// function, and holds the result against docs/gas.md (see <see cref="GasReport.CheckAgainstDocsAsync"/>).
/// </summary>
public sealed class GasReportTests
{
    private static readonly string[] Contracts = ["Traceability", "TraceabilityCorrections"];

    [Fact]
    public async Task No_function_uses_more_than_10_percent_more_gas_than_docs_gas_md_says()
    {
        var measured = new GasReport();
        await GasReport.RunScenariosAsync(new Scenarios(node => ScanAsync(node, measured)));

        await measured.CheckAgainstDocsAsync(0.10, "tests/ValueChain.Traceability.Ethereum.Tests, tests/ValueChain.Flexibility.Ethereum.Tests", TestContext.Current.CancellationToken);
        Assert.Contains("Traceability.acceptDelivery", measured.Maxima().Keys);
    }

    private static async Task ScanAsync(AnvilNode node, GasReport report)
    {
        using var http = new HttpClient();
        await ChainGasScanner.ScanAsync(new JsonRpcClient(http, new JsonRpcOptions { Endpoint = node.Endpoint }), typeof(TraceabilityContracts).Assembly, Contracts, report, TestContext.Current.CancellationToken);
    }

    // A node per scenario (see AnvilTraceability), read into the report before it stops.
    private sealed class Scenarios(Func<AnvilNode, Task> scan) : TraceabilityConformance
    {
        protected override Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(options, scan);
    }
}
