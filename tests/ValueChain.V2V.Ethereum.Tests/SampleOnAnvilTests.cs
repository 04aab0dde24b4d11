using ValueChain.Testing;

namespace ValueChain.V2V.Ethereum.Tests;

// The V2V sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings where the node
// is and which (funded) keys its actors sign with.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_v2v_sample_runs_on_anvil_and_maps_one_obstacle_with_one_confirmation()
    {
        (int exitCode, string output, long blocksAdded) = await SampleOnAnvil.RunAsync(anvil, "ValueChain.Samples.V2V", "Issuer", "Police", "TripA", "TripB");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(blocksAdded >= 5, $"The sample's transactions are not on the node ({blocksAdded} blocks).");
        Assert.Contains("Obstacles mapped: 1 (obstacle 1: 2 reports, 1 confirmation)", output, StringComparison.Ordinal);
        Assert.Contains("Police see 2 reports: Valid, Valid", output, StringComparison.Ordinal);
    }
}
