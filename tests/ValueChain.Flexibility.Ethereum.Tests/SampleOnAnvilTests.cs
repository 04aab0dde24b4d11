using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

// The flexibility sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings
// where the node is and which (funded) keys its traders sign with; ledger time moves through anvil.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_flexibility_sample_runs_on_anvil_pays_against_the_meter_record_and_refuses_the_replay()
    {
        (int exitCode, string output, long blocksAdded) = await SampleOnAnvil.RunAsync(anvil, "ValueChain.Samples.Flexibility", "Tso", "FleetOperator");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(blocksAdded > 8, $"The sample's transactions are not on the node ({blocksAdded} blocks).");
        Assert.Contains("Paid for 15 kWh: 750 (rejection: none)", output, StringComparison.Ordinal);
        Assert.Contains("Replayed record: NonceReplayed", output, StringComparison.Ordinal);
        Assert.Contains("Fleet operator's balance: 1700", output, StringComparison.Ordinal);
    }
}
