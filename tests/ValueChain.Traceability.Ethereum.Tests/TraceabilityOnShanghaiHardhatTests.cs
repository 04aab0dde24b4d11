using System.Text.Json;
using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>
/// The traceability conformance suite, unchanged, against PartChain's contracts built for Shanghai
/// (Artifacts/shanghai, <see cref="EvmTarget.Shanghai"/>) on a hardhat node configured as a Shanghai-era chain.
/// </summary>
[ConformanceDriver(ConformanceDriver.ShanghaiHardhat)]
public sealed class TraceabilityOnShanghaiHardhatTests(ShanghaiHardhatNode shanghai) : TraceabilityConformance, IClassFixture<ShanghaiHardhatNode>
{
    protected override Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(shanghai, options, EvmTarget.Shanghai);

    [Fact]
    public async Task The_node_is_a_shanghai_chain_that_refuses_transient_storage()
    {
        // Creation code PUSH1 1, PUSH0, TSTORE, STOP: valid from Cancun on, an invalid opcode before.
        var create = new Dictionary<string, string> { ["data"] = "0x60015f5d00" };
        var cancunOnly = await Assert.ThrowsAsync<InvalidOperationException>(() => shanghai.CallAsync("eth_call", create, "latest"));
        JsonElement push0 = await shanghai.CallAsync("eth_call", new Dictionary<string, string> { ["data"] = "0x60015f5000" }, "latest");

        Assert.Contains("eth_call", cancunOnly.Message, StringComparison.Ordinal);
        Assert.Equal("0x", push0.GetString()); // PUSH1 1, PUSH0, POP, STOP: Shanghai's own PUSH0 runs
    }
}
