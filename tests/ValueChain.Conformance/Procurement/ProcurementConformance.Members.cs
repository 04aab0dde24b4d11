using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

public abstract partial class ProcurementConformance
{
    [Fact]
    public async Task A_company_joins_by_invitation_approved_by_distinct_admins()
    {
        await using ProcurementUnderTest ledger = await StartAsync(Options(invitationApprovals: 2));
        IProcurementContract c = ledger.Contract;

        await c.InviteAsync(Operator, Stranger.Address, "Delta Admin", ProcurementRole.Admin, "delta", "Delta Tools");
        Assert.Null(await c.GetUserAsync(Stranger.Address));
        Assert.Null(await c.GetCompanyAsync("delta"));
        UserInvitation pending = (await c.GetInvitationAsync(Stranger.Address))!;
        Assert.Equal((InvitationStatus.Pending, "delta", "Delta Tools"), (pending.Status, pending.CompanyId, pending.CompanyName));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ApproveInvitationAsync(Operator, Stranger.Address)));

        ProcurementReceipt approved = await c.ApproveInvitationAsync(AcmeAdmin, Stranger.Address);

        ProcurementUser joined = (await c.GetUserAsync(Stranger.Address))!;
        Assert.Equal(("Delta Admin", ProcurementRole.Admin, "delta", true, true), (joined.Name, joined.Role, joined.CompanyId, joined.IsAdmin, joined.IsActive));
        Company delta = (await c.GetCompanyAsync("delta"))!;
        Assert.Equal(("Delta Tools", true, false), (delta.Name, delta.IsActive, delta.Evaluation.HasHistory));
        Assert.Contains(approved.Events, e => e.Name == ProcurementEvents.ParticipantJoined);
        Assert.Contains(approved.Events, e => e.Name == ProcurementEvents.CompanyJoined);
        Assert.Equal([Operator.Address, AcmeAdmin.Address], (await c.GetInvitationAsync(Stranger.Address))!.Approvals);
    }

    [Fact]
    public async Task Only_admins_invite_company_admins_only_into_their_company_and_only_marketplace_admins_bring_new_companies()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(AcmeBuyer, Stranger.Address, "X", ProcurementRole.Buyer, Acme)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(Stranger, Stranger.Address, "X", ProcurementRole.Buyer, Acme)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(AcmeAdmin, Stranger.Address, "X", ProcurementRole.Buyer, Bolt)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(AcmeAdmin, Stranger.Address, "X", ProcurementRole.Admin, "delta", "Delta")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(AcmeAdmin, Stranger.Address, "X", ProcurementRole.MarketplaceAdmin, Acme)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.InviteAsync(AcmeAdmin, AcmeBuyer.Address, "Again", ProcurementRole.Buyer, Acme)));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.InviteAsync(Operator, Stranger.Address, "X", ProcurementRole.Admin, "delta"), "companyName"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.InviteAsync(Operator, Stranger.Address, "X", ProcurementRole.Admin, "bad id"), "companyId"));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RevokeAsync(AcmeAdmin, BoltSupplier.Address)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RevokeAsync(AcmeBuyer, AcmeEngineer.Address)));
        Assert.Null(await c.GetInvitationAsync(Stranger.Address));

        await c.InviteAsync(AcmeAdmin, Stranger.Address, "ACME Buyer 2", ProcurementRole.Buyer, Acme);

        Assert.Equal((ProcurementRole.Buyer, Acme, false), ((await c.GetUserAsync(Stranger.Address))!.Role, (await c.GetUserAsync(Stranger.Address))!.CompanyId, (await c.GetUserAsync(Stranger.Address))!.IsAdmin));
    }

    [Fact]
    public async Task A_revoked_user_and_a_removed_company_can_no_longer_act_but_its_machines_close_their_orders()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-1", market.Bolt);

        await c.RevokeAsync(AcmeAdmin, AcmeBuyer.Address);
        Assert.False((await c.GetUserAsync(AcmeBuyer.Address))!.IsActive);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.WithdrawApprovalAsync(AcmeBuyer, market.Bolt)));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RemoveCompanyAsync(AcmeAdmin, Bolt)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RemoveCompanyAsync(Operator, OperatorCompany)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.RemoveCompanyAsync(Operator, "nobody")));
        await c.RemoveCompanyAsync(Operator, Acme);

        Assert.False((await c.GetCompanyAsync(Acme))!.IsActive);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-3", Stranger))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => OrderAsync(c, "O-2", market.Cogs, machine: Machine2)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ReportConsumptionAsync(Machine1, Bolts, 1)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RemoveCompanyAsync(Operator, Acme)));

        // No escrow is stuck: the removed company's machine still confirms the arrival of its open order.
        await c.ConfirmArrivalAsync(Machine1, "O-1");
        Assert.Equal(OrderStatus.Closed, (await c.GetOrderAsync(Machine1, "O-1"))!.Status);
        Assert.Equal(200, (await c.BalanceOfAsync(BoltSupplier.Address)).Value);
    }

    [Fact]
    public async Task Only_service_engineers_register_machines_with_unique_identifiers_and_own_keys()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterMachineAsync(AcmeBuyer, Registration("MACHINE-1", Machine1))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterMachineAsync(Stranger, Registration("MACHINE-1", Machine1))));
        ProcurementReceipt receipt = await c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-1", Machine1));

        Machine machine = (await c.GetMachineAsync("MACHINE-1"))!;
        Assert.Equal((Machine1.Address, Acme, AcmeEngineer.Address, 2, 0L), (machine.Address, machine.CompanyId, machine.RegisteredBy, machine.Slots.Count, machine.BookLength));
        Assert.Equal(new MaterialSlot(Bolts, 10, 3, 100), machine.Slot(Bolts));
        Assert.Equal("MACHINE-1", (await c.GetMachineByAddressAsync(Machine1.Address))!.MachineId);
        Assert.Contains(receipt.Events, e => e.Name == ProcurementEvents.MachineRegistered);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-1", Machine2))));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RegisterMachineAsync(BoltEngineer, Registration("MACHINE-9", Machine1))));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-9", AcmeBuyer))));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.InviteAsync(AcmeAdmin, Machine1.Address, "Machine as user", ProcurementRole.Buyer, Acme)));
        Assert.Null(await c.GetMachineAsync("MACHINE-9"));
    }

    [Fact]
    public async Task Bad_machine_registrations_name_the_field_and_change_nothing()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        MachineRegistration good = Registration("MACHINE-1", Machine1);

        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { MachineId = "bad id" }), "machineId"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { MachineId = "" }), "machineId"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Address = Address.Zero }), "address"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Slots = [] }), "slots"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Slots = [new MaterialSlot(Bolts, 1, 0, 0)] }), "slots.capacity"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Slots = [new MaterialSlot(Bolts, -1, 0, 5)] }), "slots.stock"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Slots = [new MaterialSlot(Bolts, 1, 5, 5)] }), "slots.reorderThreshold"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { Slots = [new MaterialSlot(Bolts, 1, 0, 5), new MaterialSlot(Bolts, 1, 0, 5)] }), "slots.materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RegisterMachineAsync(AcmeEngineer, good with { MaintenanceInterval = TimeSpan.Zero }), "maintenanceInterval"));

        Assert.Null(await c.GetMachineAsync("MACHINE-1"));
        Assert.Null(await c.GetMachineByAddressAsync(Machine1.Address));
    }

    [Fact]
    public async Task Only_marketplace_admins_issue_tokens_which_follow_erc20_and_the_escrow_account_moves_by_orders_only()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.MintAsync(AcmeAdmin, AcmeBuyer.Address, 5)));
        await c.MintAsync(Operator, AcmeBuyer.Address, 100);
        await c.TransferAsync(AcmeBuyer, BoltSupplier.Address, 30);
        await c.ApproveAsync(AcmeBuyer, CogsSupplier.Address, 50);
        await c.TransferFromAsync(CogsSupplier, AcmeBuyer.Address, CogsSupplier.Address, 20);

        Assert.Equal((70UL - 20, 30UL, 20UL, 100UL), ((ulong)await c.BalanceOfAsync(AcmeBuyer.Address), (ulong)await c.BalanceOfAsync(BoltSupplier.Address), (ulong)await c.BalanceOfAsync(CogsSupplier.Address), (ulong)await c.TotalSupplyAsync()));
        Assert.Equal(30UL, (ulong)await c.AllowanceAsync(AcmeBuyer.Address, CogsSupplier.Address));
        Assert.Equal(ErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => c.TransferFromAsync(CogsSupplier, AcmeBuyer.Address, CogsSupplier.Address, 31)));
        Assert.Equal(ErrorCodes.InsufficientBalance, await ErrorCodeAsync(() => c.TransferAsync(AcmeBuyer, BoltSupplier.Address, 51)));
        Assert.True((await c.GetEscrowHoldingsAsync()).Balanced);
    }
}
