using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Tests;

/// <summary>An embedded ledger with the marketplace of the conformance cast: MACHINE-1 funded and approved, BOLT at 10 and COGS at 12 approved for ACME.</summary>
internal sealed class MarketLedger : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private MarketLedger(InMemoryLedger ledger)
    {
        Ledger = ledger;
        Contract = new ProcurementChaincodeAdapter(ledger);
    }

    public InMemoryLedger Ledger { get; }

    public IProcurementContract Contract { get; }

    public long BoltQuotation { get; private set; }

    public static async Task<MarketLedger> StartAsync()
    {
        var market = new MarketLedger(InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(Start) },
            [new ProcurementChaincode(Options())]));
        IProcurementContract c = market.Contract;
        await c.RegisterMachineAsync(AcmeEngineer, new MachineRegistration("MACHINE-1", Machine1.Address, [new MaterialSlot(Bolts, 10, 3, 100)], TimeSpan.FromDays(30)));
        await c.MintAsync(Operator, Machine1.Address, 1_000_000);
        await c.ApproveAsync(Machine1, c.EscrowAccount, UInt256.MaxValue);
        market.BoltQuotation = (await c.CreateQuotationAsync(BoltSupplier, new QuotationTerms(Bolts, 10, Start, Start.AddDays(365), TimeSpan.FromDays(2)))).QuotationId!.Value;
        long cogs = (await c.CreateQuotationAsync(CogsSupplier, new QuotationTerms(Bolts, 12, Start, Start.AddDays(365), TimeSpan.FromDays(2)))).QuotationId!.Value;
        await c.ApproveQuotationAsync(AcmeBuyer, market.BoltQuotation);
        await c.ApproveQuotationAsync(AcmeBuyer, cogs);
        return market;
    }

    public Task<DateTimeOffset> NowAsync() => Ledger.GetTimeAsync();

    public async Task<IReadOnlyList<PurchaseOrder>> OrdersAsync() => await Contract.GetMachineOrdersAsync(Machine1, "MACHINE-1");

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();
}
