using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

public abstract partial class ProcurementConformance
{
    [Fact]
    public async Task Suppliers_publish_binding_quotations_and_each_price_or_validity_change_is_a_new_version()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;

        ProcurementReceipt created = await c.CreateQuotationAsync(BoltSupplier, Terms(10));
        long id = created.QuotationId!.Value;
        Assert.Equal(1, id);
        Assert.Contains(created.Events, e => e.Name == ProcurementEvents.QuotationCreated);
        Assert.Equal(2, (await c.CreateQuotationAsync(CogsSupplier, Terms(12))).QuotationId);

        ProcurementReceipt revised = await c.ReviseQuotationAsync(BoltSupplier, id, Terms(9, validDays: 60));

        Quotation latest = (await c.GetQuotationAsync(id))!;
        Assert.Equal((2, 9UL, Start.AddDays(60), BoltSupplier.Address, Bolt), (latest.Version, (ulong)latest.PricePerUnit, latest.ValidUntil, latest.Supplier, latest.SupplierCompany));
        Assert.Contains(revised.Events, e => e.Name == ProcurementEvents.QuotationRevised);
        Assert.Equal(10UL, (ulong)(await c.GetQuotationVersionAsync(id, 1))!.PricePerUnit);
        Assert.Equal([1, 2], (await c.GetQuotationVersionsAsync(id)).Select(q => q.Version));
        Assert.Null(await c.GetQuotationVersionAsync(id, 3));
        Assert.Null(await c.GetQuotationAsync(99));
    }

    [Fact]
    public async Task Only_its_supplier_changes_a_quotation_and_only_its_price_and_validity()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        long id = (await c.CreateQuotationAsync(BoltSupplier, Terms(10))).QuotationId!.Value;

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CreateQuotationAsync(AcmeBuyer, Terms(10))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CreateQuotationAsync(Stranger, Terms(10))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ReviseQuotationAsync(CogsSupplier, id, Terms(8))));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ReviseQuotationAsync(BoltSupplier, 42, Terms(8))));
        Assert.Equal(ProcurementErrorCodes.FrozenField, await FieldErrorAsync(() => c.ReviseQuotationAsync(BoltSupplier, id, Terms(8, material: Oil)), "materialNumber"));
        Assert.Equal(ProcurementErrorCodes.FrozenField, await FieldErrorAsync(() => c.ReviseQuotationAsync(BoltSupplier, id, Terms(8, deliveryDays: 1)), "deliveryTime"));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ReviseQuotationAsync(BoltSupplier, id, Terms(10))));

        Assert.Equal(1, (await c.GetQuotationAsync(id))!.Version);
        Assert.Single(await c.GetQuotationVersionsAsync(id));
    }

    [Fact]
    public async Task Bad_quotation_terms_name_the_field_and_change_nothing()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;

        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.CreateQuotationAsync(BoltSupplier, Terms(0)), "pricePerUnit"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.CreateQuotationAsync(BoltSupplier, Terms(10) with { MaterialNumber = "" }), "materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.CreateQuotationAsync(BoltSupplier, Terms(10) with { ValidUntil = Start }), "validUntil"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.CreateQuotationAsync(BoltSupplier, Terms(10) with { DeliveryTime = TimeSpan.Zero }), "deliveryTime"));
        long id = (await c.CreateQuotationAsync(BoltSupplier, Terms(10))).QuotationId!.Value;
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.ReviseQuotationAsync(BoltSupplier, id, Terms(0)), "pricePerUnit"));

        Assert.Equal(1, id);
        Assert.Equal(10UL, (ulong)(await c.GetQuotationAsync(id))!.PricePerUnit);
    }

    [Fact]
    public async Task A_price_past_the_tokens_range_is_refused_naming_the_price()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        long huge = (await c.CreateQuotationAsync(BoltSupplier, Terms(UInt256.MaxValue / 2 + 1))).QuotationId!.Value;
        await c.ApproveQuotationAsync(AcmeBuyer, huge);

        Assert.Equal("invalid_format", await FieldErrorAsync(() => OrderAsync(c, "O-HUGE", huge, quantity: 2), "pricePerUnit"));
        if (ledger.Gateway is { } gateway)
        {
            // A price that no uint256 holds never reaches the port; sent raw, it is refused naming the field.
            string json = $$"""{"materialNumber":"{{Bolts}}","pricePerUnit":"{{UInt256.MaxValue.Value + 1}}","validFrom":"{{Start:O}}","validUntil":"{{Start.AddDays(1):O}}","deliveryTime":"1.00:00:00"}""";
            ValueChain.Ledger.TransactionReceipt raw = await gateway.SubmitAsync(BoltSupplier, new ValueChain.Ledger.ContractInvocation(ProcurementChaincode.ChaincodeName, "createQuotation", json));
            Assert.Equal(("invalid_format", true), (raw.ErrorCode, raw.ErrorMessage!.Contains("pricePerUnit", StringComparison.Ordinal)));
        }

        Assert.Null(await c.GetOrderAsync(Machine1, "O-HUGE"));
        Assert.Equal(Funding, await c.BalanceOfAsync(Machine1.Address));
        Assert.Null(await c.GetQuotationAsync(market.Cogs + 2));
    }

    [Fact]
    public async Task Buyers_approve_quotations_for_their_own_company_only_and_withdraw_approvals()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        long bolt = (await c.CreateQuotationAsync(BoltSupplier, Terms(10))).QuotationId!.Value;
        long oil = (await c.CreateQuotationAsync(CogsSupplier, Terms(7, material: Oil))).QuotationId!.Value;
        long late = (await c.CreateQuotationAsync(CogsSupplier, new QuotationTerms(Bolts, 5, Start.AddDays(5), Start.AddDays(9), TimeSpan.FromDays(1)))).QuotationId!.Value;

        Assert.Equal(QuotationStatus.NotApproved, await c.GetApprovalStatusAsync(bolt, Acme));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ApproveQuotationAsync(AcmeEngineer, bolt)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ApproveQuotationAsync(BoltSupplier, bolt)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ApproveQuotationAsync(AcmeBuyer, 99)));
        ProcurementReceipt approved = await c.ApproveQuotationAsync(AcmeBuyer, bolt);
        await c.ApproveQuotationAsync(AcmeBuyer, oil);
        await c.ApproveQuotationAsync(AcmeBuyer, late);

        Assert.Contains(approved.Events, e => e.Name == ProcurementEvents.QuotationApproved);
        Assert.Equal(QuotationStatus.Approved, await c.GetApprovalStatusAsync(bolt, Acme));
        Assert.Equal(QuotationStatus.NotApproved, await c.GetApprovalStatusAsync(bolt, Bolt));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ApproveQuotationAsync(AcmeBuyer, bolt)));
        Assert.Equal([bolt], (await c.GetSelectableQuotationsAsync(Acme, Bolts)).Select(q => q.QuotationId));
        Assert.Equal([oil], (await c.GetSelectableQuotationsAsync(Acme, Oil)).Select(q => q.QuotationId));
        Assert.Empty(await c.GetSelectableQuotationsAsync(Bolt, Bolts));

        await ledger.Time.AdvanceAsync(TimeSpan.FromDays(6));
        Assert.Equal([bolt, late], (await c.GetSelectableQuotationsAsync(Acme, Bolts)).Select(q => q.QuotationId));

        ProcurementReceipt withdrawn = await c.WithdrawApprovalAsync(AcmeBuyer, bolt);
        Assert.Contains(withdrawn.Events, e => e.Name == ProcurementEvents.ApprovalWithdrawn);
        Assert.Equal(QuotationStatus.NotApproved, await c.GetApprovalStatusAsync(bolt, Acme));
        Assert.Equal([late], (await c.GetSelectableQuotationsAsync(Acme, Bolts)).Select(q => q.QuotationId));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.WithdrawApprovalAsync(AcmeBuyer, bolt)));
    }

    [Fact]
    public async Task A_machine_may_itself_supply_and_is_paid_on_arrival()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);
        long fromMachine = (await c.CreateQuotationAsync(Machine2, Terms(3))).QuotationId!.Value;
        await c.ApproveQuotationAsync(AcmeBuyer, fromMachine);
        Assert.Equal((Machine2.Address, Acme), ((await c.GetQuotationAsync(fromMachine))!.Supplier, (await c.GetQuotationAsync(fromMachine))!.SupplierCompany));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => OrderAsync(c, "O-SELF", fromMachine, machine: Machine2)));

        await OrderAsync(c, "O-1", fromMachine, quantity: 10);
        await c.ConfirmArrivalAsync(Machine1, "O-1");

        Assert.Equal(Funding + 30, await c.BalanceOfAsync(Machine2.Address));
        Assert.Equal(Funding - 30, await c.BalanceOfAsync(Machine1.Address));
    }
}
