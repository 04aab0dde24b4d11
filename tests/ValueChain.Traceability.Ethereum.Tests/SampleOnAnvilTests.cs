using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

// The traceability sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings
// where the node is and which (funded) keys its participants sign with.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_traceability_sample_runs_on_anvil_and_finds_the_vehicle()
    {
        (int exitCode, string output, long blocksAdded) = await SampleOnAnvil.RunAsync(anvil, "ValueChain.Samples.Traceability", "Oem", "Tier1", "Tier2", "Lsp");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(blocksAdded > 10, $"The sample's transactions are not on the node ({blocksAdded} blocks).");
        Assert.Contains("Pick-up rejected: FAKE-1 (Unregistered)", output, StringComparison.Ordinal);
        Assert.Contains("vehicles WVWZZZ1JZXW000001", output, StringComparison.Ordinal);
        Assert.Contains("Confirmed by the ledger: True", output, StringComparison.Ordinal);
    }
}
