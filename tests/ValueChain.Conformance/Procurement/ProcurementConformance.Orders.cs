using ValueChain.Chaincode;
using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

public abstract partial class ProcurementConformance
{
    [Fact]
    public async Task An_order_escrows_price_times_quantity_and_its_arrival_fills_the_slot_pays_the_supplier_and_rates_it()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);

        ProcurementReceipt placed = await OrderAsync(c, "O-1", market.Bolt, quantity: 25);

        PurchaseOrder open = (await c.GetOrderAsync(Machine1, "O-1"))!;
        Assert.Equal((OrderStatus.Open, 250UL, "MACHINE-1", BoltSupplier.Address, Bolt, 1), (open.Status, (ulong)open.Total, open.MachineId, open.Supplier, open.SupplierCompany, open.QuotationVersion));
        Assert.Equal(open.OrderedAt + TimeSpan.FromDays(2), open.RequestedBy);
        Assert.Equal(open.RequestedBy + TimeSpan.FromDays(1), open.CancellableFrom);
        Assert.Contains(placed.Events, e => e.Name == ProcurementEvents.OrderPlaced);
        Assert.Contains(placed.Events, e => e.Name == ProcurementEvents.EscrowLocked);
        Assert.Equal(Funding - 250, await c.BalanceOfAsync(Machine1.Address));
        Assert.Equal(250UL, (ulong)await c.BalanceOfAsync(c.EscrowAccount));
        Assert.Equal(new EscrowHoldings(250, 250, 1), await c.GetEscrowHoldingsAsync());

        await ledger.Time.AdvanceAsync(TimeSpan.FromDays(1));
        ProcurementReceipt arrived = await c.ConfirmArrivalAsync(Machine1, "O-1");

        PurchaseOrder closed = (await c.GetOrderAsync(Machine1, "O-1"))!;
        Assert.Equal((OrderStatus.Closed, true), (closed.Status, closed.OnTime));
        Assert.Equal(35, (await c.GetMachineAsync("MACHINE-1"))!.Slot(Bolts)!.Stock);
        Assert.Equal(250UL, (ulong)await c.BalanceOfAsync(BoltSupplier.Address));
        Assert.Equal(new EscrowHoldings(0, 0, 0), await c.GetEscrowHoldingsAsync());
        Assert.Equal(new SupplierEvaluation(1, 1, 0), (await c.GetCompanyAsync(Bolt))!.Evaluation);
        Assert.Equal(10_000, (await c.GetCompanyAsync(Bolt))!.Evaluation.OnTimeRate);
        Assert.Contains(arrived.Events, e => e.Name == ProcurementEvents.OrderDelivered);
        Assert.Contains(arrived.Events, e => e.Name == ProcurementEvents.SupplierRated);
        Assert.Contains(arrived.Events, e => e.Name == ProcurementEvents.EscrowReleased);

        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ConfirmArrivalAsync(Machine1, "O-1")));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => OrderAsync(c, "O-1", market.Bolt)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ConfirmArrivalAsync(Machine1, "O-404")));
    }

    [Fact]
    public async Task A_late_arrival_is_paid_but_lowers_the_suppliers_on_time_rate()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-1", market.Cogs, quantity: 5);
        await c.ConfirmArrivalAsync(Machine1, "O-1");
        await OrderAsync(c, "O-2", market.Cogs, quantity: 5);

        await ledger.Time.AdvanceAsync(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await c.ConfirmArrivalAsync(Machine1, "O-2");

        Assert.False((await c.GetOrderAsync(Machine1, "O-2"))!.OnTime);
        Company cogs = (await c.GetCompanyAsync(Cogs))!;
        Assert.Equal((new SupplierEvaluation(2, 1, 0), 5_000), (cogs.Evaluation, cogs.Evaluation.OnTimeRate));
        Assert.Equal(120UL, (ulong)await c.BalanceOfAsync(CogsSupplier.Address));
    }

    [Fact]
    public async Task The_contract_refuses_orders_against_quotations_that_are_unapproved_expired_superseded_or_of_another_material()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        long unapproved = (await c.CreateQuotationAsync(CogsSupplier, Terms(1))).QuotationId!.Value;
        long oil = (await c.CreateQuotationAsync(CogsSupplier, Terms(4, material: Oil))).QuotationId!.Value;
        long shortLived = (await c.CreateQuotationAsync(CogsSupplier, Terms(2, validDays: 1))).QuotationId!.Value;
        await c.ApproveQuotationAsync(AcmeBuyer, oil);
        await c.ApproveQuotationAsync(AcmeBuyer, shortLived);
        await c.ReviseQuotationAsync(BoltSupplier, market.Bolt, Terms(11));

        Assert.Equal(ProcurementErrorCodes.NotApproved, await ErrorCodeAsync(() => OrderAsync(c, "O-1", unapproved)));
        Assert.Equal(ProcurementErrorCodes.SupersededQuotation, await ErrorCodeAsync(() => OrderAsync(c, "O-1", market.Bolt, version: 1)));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "O-1", market.Bolt, version: 3), "quotationVersion"));
        Assert.Equal(ProcurementErrorCodes.WrongMaterial, await ErrorCodeAsync(() => OrderAsync(c, "O-1", oil)));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "O-1", market.Cogs, material: "UNKNOWN-9"), "materialNumber"));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => OrderAsync(c, "O-1", 99)));
        await ledger.Time.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(ProcurementErrorCodes.QuotationNotValid, await ErrorCodeAsync(() => OrderAsync(c, "O-1", shortLived)));

        Assert.Equal(Funding, await c.BalanceOfAsync(Machine1.Address));
        Assert.Empty(await c.GetMachineOrdersAsync(Machine1, "MACHINE-1"));
        await OrderAsync(c, "O-1", market.Bolt, version: 2);
        Assert.Equal(Funding - 220, await c.BalanceOfAsync(Machine1.Address));
    }

    [Fact]
    public async Task Only_machines_order_with_valid_input_enough_balance_and_one_open_order_per_slot()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => OrderAsync(c, "O-1", market.Bolt, machine: AcmeBuyer)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => OrderAsync(c, "O-1", market.Bolt, machine: Stranger)));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "O-1", market.Bolt, quantity: 0), "quantity"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "O-1", market.Bolt, quantity: -5), "quantity"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "bad id", market.Bolt), "orderId"));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => OrderAsync(c, "O-1", market.Bolt, quantity: 91)));

        await c.TransferAsync(Machine2, Operator.Address, Funding - 100);
        Assert.Equal(ErrorCodes.InsufficientBalance, await ErrorCodeAsync(() => OrderAsync(c, "O-2", market.Bolt, quantity: 11, machine: Machine2)));
        await c.ApproveAsync(Machine2, c.EscrowAccount, 50);
        Assert.Equal(ErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => OrderAsync(c, "O-2", market.Bolt, quantity: 6, machine: Machine2)));
        Assert.Null(await c.GetOrderAsync(Machine2, "O-2"));
        Assert.Equal(100UL, (ulong)await c.BalanceOfAsync(Machine2.Address));

        await OrderAsync(c, "O-1", market.Bolt);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => OrderAsync(c, "O-3", market.Cogs)));
        await OrderAsync(c, "O-3", market.Cogs, machine: Machine2, quantity: 4);
        Assert.Equal(["O-1"], (await c.GetMachineOrdersAsync(Machine1, "MACHINE-1")).Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_machine_cancels_only_its_own_order_and_only_after_the_requested_time_plus_the_grace_period()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-1", market.Bolt, quantity: 30);

        await ledger.Time.AdvanceAsync(TimeSpan.FromDays(2) + TimeSpan.FromHours(23));
        Assert.Equal(ErrorCodes.DeadlineNotReached, await ErrorCodeAsync(() => c.CancelOrderAsync(Machine1, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CancelOrderAsync(Machine2, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CancelOrderAsync(AcmeBuyer, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ConfirmArrivalAsync(Machine2, "O-1")));

        await ledger.Time.AdvanceAsync(TimeSpan.FromHours(1));
        ProcurementReceipt cancelled = await c.CancelOrderAsync(Machine1, "O-1");

        Assert.Equal(OrderStatus.Cancelled, (await c.GetOrderAsync(Machine1, "O-1"))!.Status);
        Assert.Equal(Funding, await c.BalanceOfAsync(Machine1.Address));
        Assert.Equal(new SupplierEvaluation(0, 0, 1), (await c.GetCompanyAsync(Bolt))!.Evaluation);
        Assert.Equal(0, (await c.GetCompanyAsync(Bolt))!.Evaluation.OnTimeRate);
        Assert.Contains(cancelled.Events, e => e.Name == ProcurementEvents.EscrowRefunded);
        Assert.Contains(cancelled.Events, e => e.Name == ProcurementEvents.OrderCancelled);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.CancelOrderAsync(Machine1, "O-1")));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ConfirmArrivalAsync(Machine1, "O-1")));
        Assert.Equal(10, (await c.GetMachineAsync("MACHINE-1"))!.Slot(Bolts)!.Stock);

        // The slot is free again for a new order.
        await OrderAsync(c, "O-2", market.Cogs);
    }

    [Fact]
    public async Task Orders_are_read_by_the_machine_its_company_and_the_suppliers_company_only()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-1", market.Bolt);

        foreach (ISigner reader in new ISigner[] { Machine1, AcmeBuyer, AcmeEngineer, BoltSupplier, BoltAdmin })
        {
            Assert.Equal("O-1", (await c.GetOrderAsync(reader, "O-1"))!.OrderId);
        }

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetOrderAsync(CogsSupplier, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetOrderAsync(Machine2, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetOrderAsync(Stranger, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMachineOrdersAsync(BoltSupplier, "MACHINE-1")));
        Assert.Single(await c.GetMachineOrdersAsync(AcmeAdmin, "MACHINE-1"));
        Assert.Null(await c.GetOrderAsync(Stranger, "O-404"));
    }

    [Fact]
    public async Task Machines_report_consumption_from_their_slots()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);

        ProcurementReceipt used = await c.ReportConsumptionAsync(Machine1, Bolts, 7);

        MaterialSlot slot = (await c.GetMachineAsync("MACHINE-1"))!.Slot(Bolts)!;
        Assert.Equal((3L, true), (slot.Stock, slot.NeedsReorder));
        Assert.Contains(used.Events, e => e.Name == ProcurementEvents.MaterialConsumed);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ReportConsumptionAsync(Machine1, Bolts, 4)));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.ReportConsumptionAsync(Machine1, "UNKNOWN-9", 1), "materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.ReportConsumptionAsync(Machine1, Bolts, 0), "quantity"));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ReportConsumptionAsync(AcmeEngineer, Bolts, 1)));
    }

    // Found by the differential test: the Solidity market listed a machine's orders in the order placed, the
    // chaincode by order id; the port now says by order id (ordinal), and both list them so.
    [Fact]
    public async Task A_machines_orders_are_listed_by_order_id_whatever_the_order_they_were_placed_in()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-9", market.Bolt, quantity: 5);
        await c.ConfirmArrivalAsync(Machine1, "O-9");
        await OrderAsync(c, "O-10", market.Cogs, quantity: 5);

        Assert.Equal(["O-10", "O-9"], (await c.GetMachineOrdersAsync(Machine1, "MACHINE-1")).Select(o => o.OrderId));
    }
}
