using ValueChain.Conformance.Procurement;
using ValueChain.Testing;

namespace ValueChain.Procurement.Ethereum.Tests;

/// <summary>
/// Runs the marketplace conformance scenarios on a node of its own, attributes the gas of every mined transaction to
/// its contract function, and holds the result against docs/gas.md (see <see cref="GasReport.CheckAgainstDocsAsync"/>).
/// </summary>
public sealed class GasReportTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly string[] Contracts = ["ProcurementMembers", "ProcurementToken", "ProcurementMarket", "ProcurementBook"];

    [Fact]
    public async Task No_function_uses_more_than_10_percent_more_gas_than_docs_gas_md_says()
    {
        var measured = new GasReport();
        await GasReport.RunScenariosAsync(new Scenarios(anvil));
        using var http = new HttpClient();
        await ChainGasScanner.ScanAsync(new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint }), typeof(ProcurementContracts).Assembly, Contracts, measured, TestContext.Current.CancellationToken);

        await measured.CheckAgainstDocsAsync(
            0.10,
            "tests/ValueChain.Traceability.Ethereum.Tests, tests/ValueChain.Flexibility.Ethereum.Tests, tests/ValueChain.V2V.Ethereum.Tests, tests/ValueChain.AppMarket.Ethereum.Tests, tests/ValueChain.Procurement.Ethereum.Tests",
            TestContext.Current.CancellationToken);
        Assert.Contains("ProcurementMarket.placeOrder", measured.Maxima().Keys);
        Assert.Contains("ProcurementBook.recordMaintenance", measured.Maxima().Keys);
    }

    private sealed class Scenarios(AnvilNode anvil) : ProcurementConformance
    {
        protected override Task<ProcurementUnderTest> StartLedgerAsync(ProcurementOptions options) => AnvilMarketplaces.StartAsync(anvil, options);
    }
}
