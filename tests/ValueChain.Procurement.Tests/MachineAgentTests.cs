using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Tests;

public sealed class MachineAgentTests
{
    private static MachineAgent Agent(IProcurementContract contract, bool preventive = false) =>
        new(contract, Machine1, new MachineAgentOptions { ServiceEngineer = preventive ? AcmeEngineer.Address : null });

    [Fact]
    public async Task The_corrective_trigger_orders_from_the_best_quotation_to_fill_the_slot_and_reports_it()
    {
        await using MarketLedger market = await MarketLedger.StartAsync();
        await market.Contract.ReportConsumptionAsync(Machine1, Bolts, 7);
        MachineAgent agent = Agent(market.Contract);
        var reported = new List<MachineAgentAction>();
        agent.Acted += (_, action) => reported.Add(action);

        IReadOnlyList<MachineAgentAction> actions = await agent.RunOnceAsync(await market.NowAsync());

        MachineAgentAction ordered = Assert.Single(actions);
        Assert.Equal((MachineAgentActionKind.Ordered, "MACHINE-1-BOLT-M8-1", market.BoltQuotation), (ordered.Kind, ordered.Reference, ordered.QuotationId));
        Assert.Equal(actions, reported);
        PurchaseOrder order = Assert.Single(await market.OrdersAsync());
        Assert.Equal((97L, BoltSupplier.Address), (order.Quantity, order.Supplier));
        Assert.Equal(order, ordered.Order);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_agent_restarted_between_trigger_and_order_places_no_duplicate_order_and_completes_the_cycle(bool crashAfterLedger)
    {
        await using MarketLedger market = await MarketLedger.StartAsync();
        await market.Contract.ReportConsumptionAsync(Machine1, Bolts, 7);

        MachineAgent crashing = Agent(CrashingContract.Wrap(market.Contract, nameof(IProcurementContract.PlaceOrderAsync), crashAfterLedger));
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.RunOnceAsync(DateTimeOffset.UnixEpoch));

        // A fresh agent knows only what the ledger holds.
        MachineAgent restarted = Agent(market.Contract);
        IReadOnlyList<MachineAgentAction> first = await restarted.RunOnceAsync(await market.NowAsync());
        IReadOnlyList<MachineAgentAction> second = await Agent(market.Contract).RunOnceAsync(await market.NowAsync());

        Assert.Equal(crashAfterLedger ? 0 : 1, first.Count(a => a.Kind == MachineAgentActionKind.Ordered));
        Assert.Empty(second);
        PurchaseOrder order = Assert.Single(await market.OrdersAsync());
        Assert.True(await Agent(market.Contract).ScanArrivalAsync(order.OrderId));
        Assert.Equal(100, (await market.Contract.GetMachineAsync("MACHINE-1"))!.Slot(Bolts)!.Stock);
        Assert.Equal(OrderStatus.Closed, Assert.Single(await market.OrdersAsync()).Status);
    }

    [Fact]
    public async Task An_agent_restarted_between_order_and_arrival_confirms_once_and_orders_again_only_when_the_trigger_fires_again()
    {
        await using MarketLedger market = await MarketLedger.StartAsync();
        await market.Contract.ReportConsumptionAsync(Machine1, Bolts, 7);
        await Agent(market.Contract).RunOnceAsync(await market.NowAsync());
        string orderId = Assert.Single(await market.OrdersAsync()).OrderId;

        MachineAgent crashing = Agent(CrashingContract.Wrap(market.Contract, nameof(IProcurementContract.ConfirmArrivalAsync), afterLedger: true));
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.ScanArrivalAsync(orderId));
        MachineAgent restarted = Agent(market.Contract);

        Assert.False(await restarted.ScanArrivalAsync(orderId));
        Assert.Empty(await restarted.RunOnceAsync(await market.NowAsync()));
        await market.Contract.ReportConsumptionAsync(Machine1, Bolts, 97);
        IReadOnlyList<MachineAgentAction> again = await restarted.RunOnceAsync(await market.NowAsync());

        Assert.Equal("MACHINE-1-BOLT-M8-2", Assert.Single(again).Reference);
        Assert.Equal([OrderStatus.Closed, OrderStatus.Open], (await market.OrdersAsync()).Select(o => o.Status));
        Assert.Equal(1_000_000UL - 970 - 970, (ulong)await market.Contract.BalanceOfAsync(Machine1.Address));
    }

    [Fact]
    public async Task The_preventive_trigger_books_the_engineer_once_and_overdue_orders_are_cancelled_and_refunded()
    {
        await using MarketLedger market = await MarketLedger.StartAsync();
        await market.Contract.ReportConsumptionAsync(Machine1, Bolts, 7);
        await Agent(market.Contract).RunOnceAsync(await market.NowAsync());

        await market.Ledger.AdvanceAsync(TimeSpan.FromDays(31));
        IReadOnlyList<MachineAgentAction> due = await Agent(market.Contract, preventive: true).RunOnceAsync(await market.NowAsync());
        IReadOnlyList<MachineAgentAction> again = await Agent(market.Contract, preventive: true).RunOnceAsync(await market.NowAsync());

        Assert.Contains(due, a => a.Kind == MachineAgentActionKind.Cancelled && a.Reference == "MACHINE-1-BOLT-M8-1");
        Assert.Contains(due, a => a.Kind == MachineAgentActionKind.ServiceBooked && a.Reference == "MACHINE-1-PM-1");
        Assert.Contains(due, a => a.Kind == MachineAgentActionKind.Ordered && a.Reference == "MACHINE-1-BOLT-M8-2");
        Assert.Empty(again);
        Assert.Equal(ServiceStatus.Booked, (await market.Contract.GetServiceOrderAsync(Machine1, "MACHINE-1-PM-1"))!.Status);
        Assert.Equal(0, (await market.Contract.GetCompanyAsync(Bolt))!.Evaluation.OnTimeRate);
    }
}
