using ValueChain.Conformance.V2V;
using ValueChain.Testing;

namespace ValueChain.V2V.Ethereum.Tests;

/// <summary>
/// Runs the V2V conformance scenarios on a node of its own, attributes the gas of every mined transaction to its
/// contract function, and holds the result against docs/gas.md (see <see cref="GasReport.CheckAgainstDocsAsync"/>).
/// </summary>
public sealed class GasReportTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task No_function_uses_more_than_10_percent_more_gas_than_docs_gas_md_says()
    {
        var measured = new GasReport();
        await GasReport.RunScenariosAsync(new Scenarios(anvil));
        using var http = new HttpClient();
        await ChainGasScanner.ScanAsync(new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint }), typeof(V2VContracts).Assembly, ["V2VMap"], measured, TestContext.Current.CancellationToken);

        await measured.CheckAgainstDocsAsync(0.10, "tests/ValueChain.Traceability.Ethereum.Tests, tests/ValueChain.Flexibility.Ethereum.Tests, tests/ValueChain.V2V.Ethereum.Tests", TestContext.Current.CancellationToken);
        Assert.Contains("V2VMap.anchorBatch", measured.Maxima().Keys);
        Assert.Contains("V2VMap.anchorReport", measured.Maxima().Keys);
    }

    private sealed class Scenarios(AnvilNode anvil) : V2VConformance
    {
        protected override Task<V2VUnderTest> StartLedgerAsync(V2VOptions options) => AnvilMaps.StartAsync(anvil, options);
    }
}
