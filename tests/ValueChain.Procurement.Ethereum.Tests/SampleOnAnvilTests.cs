using ValueChain.Testing;

namespace ValueChain.Procurement.Ethereum.Tests;

// The procurement sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings where
// the node is and which (funded) keys its users and machine sign with; ledger time moves through anvil.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_procurement_sample_runs_on_anvil_orders_with_escrow_pays_on_arrival_and_records_the_installation()
    {
        (int exitCode, string output, long blocksAdded) = await SampleOnAnvil.RunAsync(anvil, "ValueChain.Samples.Procurement", "Operator", "Buyer", "Engineer", "Supplier", "Machine");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(blocksAdded > 8, $"The sample's transactions are not on the node ({blocksAdded} blocks).");
        Assert.Contains("in escrow 460", output, StringComparison.Ordinal);
        Assert.Contains("Supplier paid: 460; on-time rate 10000 bp", output, StringComparison.Ordinal);
        Assert.Contains("Maintenance book: 1 entry, intact: True; bolts in stock 44", output, StringComparison.Ordinal);
    }
}
