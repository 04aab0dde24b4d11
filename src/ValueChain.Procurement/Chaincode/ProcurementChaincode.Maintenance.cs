using ValueChain.Ledger;

namespace ValueChain.Procurement;

public sealed partial class ProcurementChaincode
{
    /// <summary>
    /// A service engineer of the machine's company appends an entry to its book, linked to the previous entry by
    /// hash; installed quantities leave the slots; a named service order closes.
    /// </summary>
    private async Task<string?> RecordMaintenanceAsync(ChaincodeState state, MaintenanceRecord record)
    {
        ProcurementUser engineer = await CallerAsync(state, ProcurementRole.ServiceEngineer);
        ProcurementValidation.RequireRecord(record);
        Machine machine = await ExistingMachineAsync(state, record.MachineId);
        if (machine.CompanyId != engineer.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{engineer.Name} is a service engineer of {engineer.CompanyId}; machine {machine.MachineId} belongs to {machine.CompanyId}.");
        }

        ServiceOrder? service = null;
        if (record.ServiceId is { } serviceId)
        {
            service = await state.GetAsync(ProcurementKeys.Service(serviceId), Json.ServiceOrder)
                ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no service order {serviceId}.");
            if (service.MachineId != machine.MachineId || service.Status != ServiceStatus.Booked)
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Service order {serviceId} is {service.Status} for machine {service.MachineId}; it closes once, for its own machine.");
            }
        }

        Machine updated = machine;
        foreach (InstalledMaterial installed in record.Installed)
        {
            MaterialSlot slot = RequireSlot(machine, installed.MaterialNumber, "installed.materialNumber");
            if (installed.Quantity > slot.Stock)
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Machine {machine.MachineId} holds {slot.Stock} of {slot.MaterialNumber}; {installed.Quantity} cannot be installed.");
            }

            updated = WithStock(updated, slot.MaterialNumber, -installed.Quantity);
        }

        Hash32 previous = machine.BookLength == 0
            ? Hash32.Zero
            : (await state.GetAsync(ProcurementKeys.BookEntry(machine.MachineId, machine.BookLength - 1), Json.MaintenanceEntry))!.Hash;
        var entry = new MaintenanceEntry(machine.MachineId, machine.BookLength, engineer.Address, state.Context.Timestamp, record.ServiceId, record.Description, [.. record.Installed], previous, Hash32.Zero);
        entry = entry with { Hash = MaintenanceBookHash.Compute(entry) };
        await state.PutAsync(ProcurementKeys.BookEntry(machine.MachineId, entry.Sequence), entry, Json.MaintenanceEntry);
        await SaveMachineAsync(state, updated with { BookLength = machine.BookLength + 1, LastMaintenanceAt = state.Context.Timestamp });
        if (service is not null)
        {
            await state.PutAsync(ProcurementKeys.Service(service.ServiceId), service with { Status = ServiceStatus.Closed, ClosedAt = state.Context.Timestamp }, Json.ServiceOrder);
        }

        state.Emit(ProcurementEvents.MaintenanceRecorded, new MaintenanceNotice(machine.MachineId, entry.Sequence, entry.Hash, entry.ServiceId), Json.MaintenanceNotice);
        return null;
    }

    /// <summary>The book, read by the machine, its company's users, or a third party holding an unrevoked grant: a signed read.</summary>
    private async Task<List<MaintenanceEntry>> BookAsync(ChaincodeState state, string machineId)
    {
        Machine machine = await ExistingMachineAsync(state, machineId);
        if (!await IsOwnSideAsync(state, machine)
            && await state.GetAsync(ProcurementKeys.Grant(machine.MachineId, state.Context.Caller), Json.BookGrant) is not { IsActive: true })
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{state.Context.Caller} holds no grant to read machine {machine.MachineId}'s maintenance book.");
        }

        return await state.ValuesUnderAsync(Json.MaintenanceEntry, "book", machine.MachineId);
    }

    private async Task<string?> SetGrantAsync(ChaincodeState state, GrantArgs args, bool grant)
    {
        ProcurementUser admin = await CallerAsync(state, ProcurementRole.Admin);
        Machine machine = await ExistingMachineAsync(state, args.MachineId);
        if (machine.CompanyId != admin.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{admin.Name} administers {admin.CompanyId}; machine {machine.MachineId} belongs to {machine.CompanyId}.");
        }

        if (args.Grantee.IsZero)
        {
            throw ProcurementValidation.Invalid("grantee", "the zero address cannot read.");
        }

        string key = ProcurementKeys.Grant(machine.MachineId, args.Grantee);
        BookGrant? current = await state.GetAsync(key, Json.BookGrant);
        if ((current?.IsActive == true) == grant)
        {
            throw new ChaincodeException(grant ? ErrorCodes.Conflict : ErrorCodes.NotFound, $"{args.Grantee} {(grant ? "already holds" : "holds no")} grant for machine {machine.MachineId}'s book.");
        }

        BookGrant changed = grant
            ? new BookGrant(machine.MachineId, args.Grantee, admin.Address, state.Context.Timestamp, null)
            : current! with { RevokedAt = state.Context.Timestamp };
        await state.PutAsync(key, changed, Json.BookGrant);
        state.Emit(grant ? ProcurementEvents.BookAccessGranted : ProcurementEvents.BookAccessRevoked, changed, Json.BookGrant);
        return null;
    }

    private static async Task<List<BookGrant>> GrantsAsync(ChaincodeState state, string machineId)
    {
        Machine machine = await ExistingMachineAsync(state, machineId);
        return await state.ValuesUnderAsync(Json.BookGrant, "grant", machine.MachineId);
    }
}
