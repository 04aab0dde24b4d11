using ValueChain.Testing;

namespace ValueChain.Cli.Tests;

// The application demos with --ledger ethereum: on an anvil the tool starts itself, and on a node given by --rpc.
public sealed class EthereumDemoTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_traceability_demo_runs_on_an_anvil_the_tool_starts()
    {
        Assert.NotNull(Demos.Ledgers.LocalAnvil.FindBinary());

        (int exitCode, string output) = await CliRunner.RunAsync("demo", "traceability", "--ledger", "ethereum");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Case study on the anvil at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("rejected: FAKE-0815 Unregistered", output, StringComparison.Ordinal);
        Assert.Contains("Affected vehicles", output, StringComparison.Ordinal);
        Assert.Contains("WVWZZZ1JZXW000001", output, StringComparison.Ordinal);
        Assert.Contains("the ledger gives the same answer", output, StringComparison.Ordinal);
        Assert.Contains("on chain 31337", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_flexibility_demo_runs_on_the_node_given_by_rpc()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "flexibility", "--ledger", "ethereum", "--rpc", anvil.Endpoint.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains($"One market round on the Ethereum node at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.Contains("rejected: NonceReplayed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PAID TWICE", output, StringComparison.Ordinal);
        Assert.Contains("takes back 450 + 100", output, StringComparison.Ordinal);
        Assert.Contains("│ Fleet operator │ 5000  │ 5900", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demos_that_run_on_the_embedded_ledger_only_say_so_and_rpc_needs_ledger_ethereum()
    {
        (int skippedExit, string skipped) = await CliRunner.RunAsync("demo", "ledger", "--ledger", "ethereum", "--rpc", anvil.Endpoint.ToString());
        (int refusedExit, string refused) = await CliRunner.RunAsync("demo", "flexibility", "--rpc", anvil.Endpoint.ToString());

        Assert.Equal(0, skippedExit);
        Assert.Contains("runs on the embedded ledger only; skipped with --ledger ethereum", skipped, StringComparison.Ordinal);
        Assert.Equal(2, refusedExit);
        Assert.Contains("--rpc needs --ledger ethereum.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_fails_with_a_clear_message()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "flexibility", "--ledger", "ethereum", "--rpc", $"http://127.0.0.1:{LoopbackPort.Free()}/");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("127.0.0.1", output, StringComparison.Ordinal);
    }
}
