using ValueChain.Cryptography;
using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

public abstract partial class ProcurementConformance
{
    private static MaintenanceRecord Record(string? serviceId, params InstalledMaterial[] installed) =>
        new("MACHINE-1", serviceId, "Replaced worn fasteners", installed);

    [Fact]
    public async Task An_engineer_records_maintenance_in_an_append_only_hash_linked_book_and_installed_material_leaves_the_slot()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        Market market = await MarketAsync(c);
        await OrderAsync(c, "O-1", market.Bolt, quantity: 20);
        ProcurementReceipt booked = await c.BookServiceAsync(Machine1, "S-1", AcmeEngineer.Address, "O-1");
        await c.ConfirmArrivalAsync(Machine1, "O-1");
        Assert.Equal(ServiceStatus.Booked, (await c.GetServiceOrderAsync(Machine1, "S-1"))!.Status);
        Assert.Contains(booked.Events, e => e.Name == ProcurementEvents.ServiceBooked);

        await ledger.Time.AdvanceAsync(TimeSpan.FromHours(1));
        ProcurementReceipt recorded = await c.RecordMaintenanceAsync(AcmeEngineer, Record("S-1", new InstalledMaterial(Bolts, 12), new InstalledMaterial(Oil, 1)));
        await c.RecordMaintenanceAsync(AcmeEngineer, Record(null) with { Description = "Inspection" });

        Machine machine = (await c.GetMachineAsync("MACHINE-1"))!;
        Assert.Equal((18L, 1L, 2L), (machine.Slot(Bolts)!.Stock, machine.Slot(Oil)!.Stock, machine.BookLength));
        ServiceOrder service = (await c.GetServiceOrderAsync(AcmeEngineer, "S-1"))!;
        Assert.Equal((ServiceStatus.Closed, "O-1"), (service.Status, service.OrderId));
        IReadOnlyList<MaintenanceEntry> book = await c.GetMaintenanceBookAsync(Machine1, "MACHINE-1");
        Assert.Equal([0L, 1L], book.Select(e => e.Sequence));
        Assert.Equal((Hash32.Zero, book[0].Hash), (book[0].PreviousHash, book[1].PreviousHash));
        Assert.Equal(AcmeEngineer.Address, book[0].Engineer);
        Assert.Equal([new InstalledMaterial(Bolts, 12), new InstalledMaterial(Oil, 1)], book[0].Installed);
        Assert.Null(MaintenanceBookHash.FirstBrokenEntry(book));
        Assert.Equal(0, MaintenanceBookHash.FirstBrokenEntry([book[0] with { Description = "forged" }, book[1]]));
        Assert.Contains(recorded.Events, e => e.Name == ProcurementEvents.MaintenanceRecorded && e.PayloadJson.Contains(book[0].Hash.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record("S-1"))));
    }

    // Found by the differential test: the Solidity book looked the machine up before it checked the installed
    // materials, so an entry with a zero quantity for an unknown machine was not_found on Ethereum and
    // invalid_format on the chaincode ledgers. Malformed input is refused as malformed, whatever the state.
    [Fact]
    public async Task A_malformed_maintenance_entry_is_refused_as_malformed_before_the_machine_its_company_or_the_service_is_looked_up()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);
        MaintenanceRecord unknownMachine = Record("S-404") with { MachineId = "MACHINE-404" };

        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, unknownMachine with { Installed = [new InstalledMaterial(Bolts, 0)] }), "installed.quantity"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, unknownMachine with { Installed = [new InstalledMaterial("NOT AN ID", 1)] }), "installed.materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, unknownMachine with { Installed = [new InstalledMaterial(Bolts, 1), new InstalledMaterial(Bolts, 2)] }), "installed.materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null) with { MachineId = "MACHINE 1" }), "machineId"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(BoltEngineer, Record(null, new InstalledMaterial(Bolts, 0))), "installed.quantity"));
        Assert.Equal(0L, (await c.GetMachineAsync("MACHINE-1"))!.BookLength);
    }

    [Fact]
    public async Task Only_service_engineers_of_the_machines_company_record_maintenance_within_its_stock()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(AcmeBuyer, Record(null))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(Machine1, Record(null))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(BoltEngineer, Record(null))));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null, new InstalledMaterial(Bolts, 11)))));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record("S-404"))));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null) with { MachineId = "MACHINE-404" })));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null, new InstalledMaterial("UNKNOWN-9", 1))), "installed.materialNumber"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null, new InstalledMaterial(Bolts, 0))), "installed.quantity"));
        Assert.Equal("invalid_format", await FieldErrorAsync(() => c.RecordMaintenanceAsync(AcmeEngineer, Record(null) with { Description = " " }), "description"));

        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.BookServiceAsync(Machine1, "S-1", AcmeBuyer.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.BookServiceAsync(Machine1, "S-1", BoltEngineer.Address)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.BookServiceAsync(AcmeBuyer, "S-1", AcmeEngineer.Address)));
        await c.BookServiceAsync(Machine1, "S-1", AcmeEngineer.Address);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.BookServiceAsync(Machine1, "S-1", AcmeEngineer.Address)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetServiceOrderAsync(BoltSupplier, "S-1")));
        Assert.Equal(ServiceStatus.Booked, (await c.GetServiceOrderAsync(AcmeAdmin, "S-1"))!.Status);

        Machine machine = (await c.GetMachineAsync("MACHINE-1"))!;
        Assert.Equal((10L, 0L), (machine.Slot(Bolts)!.Stock, machine.BookLength));
        Assert.Empty(await c.GetMaintenanceBookAsync(AcmeEngineer, "MACHINE-1"));
    }

    [Fact]
    public async Task The_book_is_read_through_grants_that_the_machines_company_admin_gives_and_revokes()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);
        await c.RecordMaintenanceAsync(AcmeEngineer, Record(null, new InstalledMaterial(Oil, 1)));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMaintenanceBookAsync(UsedMachineBuyer, "MACHINE-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMaintenanceBookAsync(BoltSupplier, "MACHINE-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMaintenanceBookAsync(Machine2, "MACHINE-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GrantBookAccessAsync(AcmeBuyer, "MACHINE-1", UsedMachineBuyer.Address)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GrantBookAccessAsync(BoltAdmin, "MACHINE-1", UsedMachineBuyer.Address)));
        Assert.Single(await c.GetMaintenanceBookAsync(AcmeBuyer, "MACHINE-1"));

        ProcurementReceipt granted = await c.GrantBookAccessAsync(AcmeAdmin, "MACHINE-1", UsedMachineBuyer.Address);

        Assert.Contains(granted.Events, e => e.Name == ProcurementEvents.BookAccessGranted);
        IReadOnlyList<MaintenanceEntry> read = await c.GetMaintenanceBookAsync(UsedMachineBuyer, "MACHINE-1");
        Assert.Null(MaintenanceBookHash.FirstBrokenEntry(read));
        Assert.Single(read);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.GrantBookAccessAsync(AcmeAdmin, "MACHINE-1", UsedMachineBuyer.Address)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMaintenanceBookAsync(UsedMachineBuyer, "MACHINE-2")));

        await c.RevokeBookAccessAsync(AcmeAdmin, "MACHINE-1", UsedMachineBuyer.Address);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetMaintenanceBookAsync(UsedMachineBuyer, "MACHINE-1")));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.RevokeBookAccessAsync(AcmeAdmin, "MACHINE-1", UsedMachineBuyer.Address)));
        BookGrant grant = Assert.Single(await c.GetGrantsAsync("MACHINE-1"));
        Assert.Equal((UsedMachineBuyer.Address, AcmeAdmin.Address, false), (grant.Grantee, grant.GrantedBy, grant.IsActive));
    }

    // Found by the differential test: the Solidity book listed grants in the order first granted, the chaincode by
    // grantee address; the port now says by grantee address, and both list them so.
    [Fact]
    public async Task A_machines_grants_are_listed_by_grantee_address_whatever_the_order_they_were_granted_in()
    {
        await using ProcurementUnderTest ledger = await StartAsync();
        IProcurementContract c = ledger.Contract;
        await MarketAsync(c);
        EthereumSigner[] grantees = [.. new[] { UsedMachineBuyer, Stranger, BoltAdmin }.OrderByDescending(g => g.Address.ToLowerHex(), StringComparer.Ordinal)];
        foreach (EthereumSigner grantee in grantees)
        {
            await c.GrantBookAccessAsync(AcmeAdmin, "MACHINE-1", grantee.Address);
        }

        await c.RevokeBookAccessAsync(AcmeAdmin, "MACHINE-1", grantees[0].Address);
        await c.GrantBookAccessAsync(AcmeAdmin, "MACHINE-1", grantees[0].Address);

        Assert.Equal([.. grantees.Select(g => g.Address).Reverse()], (await c.GetGrantsAsync("MACHINE-1")).Select(g => g.Grantee));
    }
}
