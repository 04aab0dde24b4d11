namespace ValueChain.Cli.Tests;

public sealed class AppMarketDemoTests
{
    [Fact]
    public async Task The_appmarket_demo_installs_updates_pays_for_usage_and_refuses_the_tampered_binary_and_the_downgrade()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "appmarket");

        Assert.True(exitCode == 0, output);
        // Mosquitto is in tools/apt-packages.txt, so the demo delivers over the broker it starts.
        Assert.Contains("MQTT v5", output, StringComparison.Ordinal);
        Assert.Contains("press-1 Installed, press-2 Installed, press-3 Installed", output, StringComparison.Ordinal);
        Assert.Contains("the agent runs 1.1.0", output, StringComparison.Ordinal);
        Assert.Contains("developer paid 1200", output, StringComparison.Ordinal);
        Assert.Contains("rejected: Replayed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PAID TWICE", output, StringComparison.Ordinal);
        Assert.Contains("refused: binary does not match its record", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DELIVERED", output, StringComparison.Ordinal);
        Assert.Contains("refused (version_not_newer)", output, StringComparison.Ordinal);
        Assert.Contains("the agent itself answers Failed", output, StringComparison.Ordinal);
        Assert.Contains("│ UpdateRequested  │ 1.1.0   │ IoT manager                │ yes", output, StringComparison.Ordinal);
        Assert.Contains("│ Company                   │ 8800", output, StringComparison.Ordinal);
        Assert.Contains("valid, 26 blocks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appmarket_demo_runs_unchanged_on_an_anvil_the_tool_starts()
    {
        Assert.NotNull(Demos.Ledgers.LocalAnvil.FindBinary());

        (int exitCode, string output) = await CliRunner.RunAsync("demo", "appmarket", "--ledger", "ethereum");

        Assert.True(exitCode == 0, output);
        Assert.Contains("IIoT Bazaar on the anvil at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("press-1 Installed, press-2 Installed, press-3 Installed", output, StringComparison.Ordinal);
        Assert.Contains("developer paid 1200", output, StringComparison.Ordinal);
        Assert.Contains("rejected: Replayed", output, StringComparison.Ordinal);
        Assert.Contains("refused: binary does not match its record", output, StringComparison.Ordinal);
        Assert.Contains("refused (version_not_newer)", output, StringComparison.Ordinal);
        Assert.Contains("on chain 31337", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_lists_the_appmarket_demo()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("appmarket", output, StringComparison.Ordinal);
    }
}
