using ValueChain.Testing;

namespace ValueChain.Cli.Tests;

// The V2V demo on the embedded ledger (also part of `demo all`) and on an anvil node given by --rpc.
public sealed class V2VDemoTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_v2v_demo_maps_one_obstacle_counts_one_confirmation_catches_tampering_and_orders_the_incident()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "v2v");

        AssertStory(exitCode, output);
        Assert.Contains("Obstacle sharing on the embedded ledger", output, StringComparison.Ordinal);
        Assert.Contains("valid, 8 blocks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_v2v_demo_runs_unchanged_on_the_node_given_by_rpc()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "v2v", "--ledger", "ethereum", "--rpc", anvil.Endpoint.ToString());

        AssertStory(exitCode, output);
        Assert.Contains($"Obstacle sharing on the Ethereum node at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.Contains("on chain 31337", output, StringComparison.Ordinal);
    }

    private static void AssertStory(int exitCode, string output)
    {
        Assert.True(exitCode == 0, output);
        Assert.Contains("obstacle 1 mapped", output, StringComparison.Ordinal);
        Assert.Contains("preview: obstacle 1; the ledger: obstacle 1, confirmation counted, 1 entry on the map", output, StringComparison.Ordinal);
        Assert.Contains("matched obstacle 1, not counted; Aurora's reputation stays 1", output, StringComparison.Ordinal);
        Assert.Contains("Tampered (never returned as valid)", output, StringComparison.Ordinal);
        Assert.Contains("2 reports: #4 Valid, #5 Tampered", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT COUNTED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("COUNTED;", output, StringComparison.Ordinal);
    }
}
