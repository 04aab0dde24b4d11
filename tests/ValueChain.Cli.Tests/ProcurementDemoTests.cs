namespace ValueChain.Cli.Tests;

public sealed class ProcurementDemoTests
{
    [Fact]
    public async Task The_procurement_demo_orders_from_the_best_supplier_rates_a_late_delivery_refunds_and_reads_the_book_through_a_grant()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo", "procurement");

        Assert.Equal(0, exitCode);
        Assert.Contains("orders 56 from Cogs", output, StringComparison.Ordinal);
        Assert.Contains("paid, but late: Cogs on time 0 %", output, StringComparison.Ordinal);
        Assert.Contains("orders from Bolt now", output, StringComparison.Ordinal);
        Assert.Contains("Cancelled MILL-7-BOLT-M8-2: 560 refunded", output, StringComparison.Ordinal);
        Assert.Contains("oil stock 2", output, StringComparison.Ordinal);
        Assert.Contains("refused (unauthorized)", output, StringComparison.Ordinal);
        Assert.Contains("reads 1 entry, hash chain intact", output, StringComparison.Ordinal);
        Assert.Contains("balanced", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UNBALANCED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("INVALID", output, StringComparison.Ordinal);
        Assert.Contains("orders again from Cogs", output, StringComparison.Ordinal);
        Assert.Matches(@"MILL-7\s+│ 8992\s", output);
        Assert.Matches(@"Escrow\s+│ 504 \(1 open\)", output);
    }

    [Fact]
    public async Task The_procurement_demo_runs_unchanged_on_a_local_anvil()
    {
        Assert.NotNull(Demos.Ledgers.LocalAnvil.FindBinary());

        (int exitCode, string output) = await CliRunner.RunAsync("demo", "procurement", "--ledger", "ethereum");

        Assert.True(exitCode == 0, output);
        Assert.Contains("A machine in the marketplace on the anvil at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("orders 56 from Cogs", output, StringComparison.Ordinal);
        Assert.Contains("paid, but late: Cogs on time 0 %", output, StringComparison.Ordinal);
        Assert.Contains("orders from Bolt now", output, StringComparison.Ordinal);
        Assert.Contains("Cancelled MILL-7-BOLT-M8-2: 560 refunded", output, StringComparison.Ordinal);
        Assert.Contains("refused (unauthorized)", output, StringComparison.Ordinal);
        Assert.Contains("reads 1 entry, hash chain intact", output, StringComparison.Ordinal);
        Assert.Matches(@"Escrow\s+│ 504 \(1 open\)", output);
        Assert.DoesNotContain("UNBALANCED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_lists_procurement_and_demo_all_runs_it()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("procurement", output, StringComparison.Ordinal);
    }
}
