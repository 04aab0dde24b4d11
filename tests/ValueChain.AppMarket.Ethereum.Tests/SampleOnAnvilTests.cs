using ValueChain.Testing;

namespace ValueChain.AppMarket.Ethereum.Tests;

// The AppMarket sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings where
// the node is and which (funded) keys its participants sign with; the warehouse and the device agent stay off-chain.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_appmarket_sample_runs_on_anvil_installs_pays_for_usage_once_and_refuses_the_replay()
    {
        (int exitCode, string output, long blocksAdded) = await SampleOnAnvil.RunAsync(anvil, "ValueChain.Samples.AppMarket", "Operator", "Developer", "Company", "Technician");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(blocksAdded > 8, $"The sample's transactions are not on the node ({blocksAdded} blocks).");
        Assert.Contains("Install on press-1: Installed; the agent runs 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("Usage of 40 paid: 120; the replay: Replayed", output, StringComparison.Ordinal);
        Assert.Contains("Developer's balance: 120", output, StringComparison.Ordinal);
    }
}
