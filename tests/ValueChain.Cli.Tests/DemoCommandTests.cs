namespace ValueChain.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_without_a_name_lists_every_registered_demo()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("identity", output, StringComparison.Ordinal);
        Assert.Contains("ledger", output, StringComparison.Ordinal);
        Assert.Contains("traceability", output, StringComparison.Ordinal);
        Assert.Contains("flexibility", output, StringComparison.Ordinal);
        Assert.Contains("v2v", output, StringComparison.Ordinal);
        Assert.Contains("all", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_all_runs_every_demo_and_each_shows_its_checks_passing()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "all");

        Assert.Equal(0, exitCode);
        Assert.Contains("(the meter)", output, StringComparison.Ordinal);
        Assert.Contains("rejected: recovers", output, StringComparison.Ordinal);
        Assert.Contains("refused (unknown_sender)", output, StringComparison.Ordinal);
        Assert.Contains("recorded as failed in block 3: insufficient_stock", output, StringComparison.Ordinal);
        Assert.Contains("verifies against its signed header alone", output, StringComparison.Ordinal);
        Assert.Contains("detected at block 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not detected", output, StringComparison.Ordinal);
        Assert.Contains("rejected: FAKE-0815 Unregistered", output, StringComparison.Ordinal);
        Assert.Contains("WVWZZZ1JZXW000001", output, StringComparison.Ordinal);
        Assert.Contains("the ledger gives the same answer", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", output, StringComparison.Ordinal);
        Assert.DoesNotContain("INVALID", output, StringComparison.Ordinal);
        Assert.Contains("rejected: NonceReplayed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PAID TWICE", output, StringComparison.Ordinal);
        Assert.Contains("takes back 450 + 100", output, StringComparison.Ordinal);
        Assert.Contains("│ Fleet operator │ 5000  │ 5900", output, StringComparison.Ordinal);
        Assert.Contains("2 reports: #4 Valid, #5 Tampered", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_demo_exits_2_and_names_the_known_ones()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("No demo named 'nope'", output, StringComparison.Ordinal);
    }
}
