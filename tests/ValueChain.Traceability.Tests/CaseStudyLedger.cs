using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests;

/// <summary>An embedded ledger with PartChain, and the case study's steps to fill it.</summary>
internal sealed class CaseStudyLedger : IAsyncDisposable
{
    public static readonly DateTimeOffset Due = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private CaseStudyLedger(InMemoryLedger ledger)
    {
        Ledger = ledger;
        Contract = new TraceabilityChaincodeAdapter(ledger);
    }

    public InMemoryLedger Ledger { get; }

    public ITraceabilityContract Contract { get; }

    public static CaseStudyLedger Start(int blockSize = 1) => new(InMemoryLedger.Open(
        new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = blockSize, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)) },
        [new TraceabilityChaincode(Options())]));

    /// <summary>
    /// Two tier-2 components assembled by the tier-1 into a brake module; module and a direct part
    /// ordered by the OEM, delivered through the LSP (with a counterfeit rejected at pick-up), built
    /// into a vehicle; one tier-2 batch recalled.
    /// </summary>
    public async Task RunAsync()
    {
        ITraceabilityContract c = Contract;
        await c.RegisterPartsAsync(Tier2a, [new("SENSOR-1", "PN-SENSOR", "B-S1")], Plant);
        await c.RegisterPartsAsync(Tier2b, [new("PAD-1", "PN-PAD", "B-P7")], Plant);
        await c.PlaceOrderAsync(Tier1, "O-T2A", Tier2a.Address, "PN-SENSOR", 1, Due);
        await c.CreateDeliveryAsync(Tier2a, "D-T2A", "O-T2A", Lsp.Address, ["SENSOR-1"]);
        await c.PickUpAsync(Lsp, "D-T2A", ["SENSOR-1"], Plant);
        await c.AcceptDeliveryAsync(Tier1, "D-T2A", ["SENSOR-1"], Plant);
        await c.PlaceOrderAsync(Tier1, "O-T2B", Tier2b.Address, "PN-PAD", 1, Due);
        await c.CreateDeliveryAsync(Tier2b, "D-T2B", "O-T2B", Lsp.Address, ["PAD-1"]);
        await c.PickUpAsync(Lsp, "D-T2B", ["PAD-1"], Plant);
        await c.AcceptDeliveryAsync(Tier1, "D-T2B", ["PAD-1"], Plant);
        await c.RegisterPartsAsync(Tier1, [new("BRAKE-1", "PN-BRAKE", "B-B1", PartKind.Assembly), new("HORN-1", "PN-HORN", "B-H1")], Plant);
        await c.AssembleAsync(Tier1, "BRAKE-1", ["SENSOR-1", "PAD-1"], Plant);
        await c.PlaceOrderAsync(Oem, "O-OEM-1", Tier1.Address, "PN-BRAKE", 1, Due);
        await c.PlaceOrderAsync(Oem, "O-OEM-2", Tier1.Address, "PN-HORN", 1, Due);
        await c.CreateDeliveryAsync(Tier1, "D-OEM-1", "O-OEM-1", Lsp.Address, ["BRAKE-1"]);
        await c.CreateDeliveryAsync(Tier1, "D-OEM-2", "O-OEM-2", Lsp.Address, ["HORN-1"]);
        await c.PickUpAsync(Lsp, "D-OEM-1", ["BRAKE-1", "FAKE-77"], Plant);
        await c.PickUpAsync(Lsp, "D-OEM-1", ["BRAKE-1"], Plant);
        await c.PickUpAsync(Lsp, "D-OEM-2", ["HORN-1"], Plant);
        await c.AcceptDeliveryAsync(Oem, "D-OEM-1", ["BRAKE-1"], Plant);
        await c.AcceptDeliveryAsync(Oem, "D-OEM-2", ["HORN-1"], Plant);
        await c.RegisterPartsAsync(Oem, [new("WVWZZZ1JZXW000001", "PN-CAR", "B-CAR", PartKind.Assembly)], Plant);
        await c.AssembleAsync(Oem, "WVWZZZ1JZXW000001", ["BRAKE-1", "HORN-1"], Plant);
        await c.RecallBatchAsync(Tier2a, "B-S1");
    }

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();
}
