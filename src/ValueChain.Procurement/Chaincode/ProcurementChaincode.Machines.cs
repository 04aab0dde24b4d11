using ValueChain.Ledger;

namespace ValueChain.Procurement;

public sealed partial class ProcurementChaincode
{
    private static async Task<Machine?> MachineAsync(ChaincodeState state, string machineId)
    {
        ProcurementValidation.RequireId(machineId, "machineId");
        return await state.GetAsync(ProcurementKeys.Machine(machineId), Json.Machine);
    }

    private static async Task<Machine?> MachineByAddressAsync(ChaincodeState state, Address address) =>
        await state.GetAsync(ProcurementKeys.MachineByAddress(address), Json.IdArgs) is { } id ? await MachineAsync(state, id.Id) : null;

    private static async Task<Machine> ExistingMachineAsync(ChaincodeState state, string machineId) =>
        await MachineAsync(state, machineId) ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no machine {machineId}.");

    /// <summary>The caller as a registered machine; with <paramref name="activeCompany"/>, of a company still in the marketplace.</summary>
    private async Task<Machine> MachineCallerAsync(ChaincodeState state, bool activeCompany = true)
    {
        Machine machine = await MachineByAddressAsync(state, state.Context.Caller)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{state.Context.Caller} is not a registered machine.");
        if (activeCompany && await CompanyAsync(state, machine.CompanyId) is { IsActive: false })
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Machine {machine.MachineId}'s company {machine.CompanyId} was removed from the marketplace.");
        }

        return machine;
    }

    private static Task SaveMachineAsync(ChaincodeState state, Machine machine) => state.PutAsync(ProcurementKeys.Machine(machine.MachineId), machine, Json.Machine);

    /// <summary>The machine with the stock of <paramref name="materialNumber"/>'s slot changed by <paramref name="change"/>.</summary>
    private static Machine WithStock(Machine machine, string materialNumber, long change) =>
        machine with { Slots = [.. machine.Slots.Select(s => s.MaterialNumber == materialNumber ? s with { Stock = s.Stock + change } : s)] };

    private static MaterialSlot RequireSlot(Machine machine, string materialNumber, string field)
    {
        ProcurementValidation.RequireId(materialNumber, field);
        return machine.Slot(materialNumber) ?? throw ProcurementValidation.Invalid(field, $"machine {machine.MachineId} has no slot for material '{materialNumber}'.");
    }

    private async Task<string?> RegisterMachineAsync(ChaincodeState state, MachineRegistration registration)
    {
        ProcurementUser engineer = await CallerAsync(state, ProcurementRole.ServiceEngineer);
        ProcurementValidation.RequireRegistration(registration);
        if (await state.ExistsAsync(ProcurementKeys.Machine(registration.MachineId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Machine {registration.MachineId} is registered already; identifiers are unique.");
        }

        // A machine's key is its own: never a user's, never another machine's, never the escrow's.
        if (await state.ExistsAsync(ProcurementKeys.MachineByAddress(registration.Address)) || await _membership.MemberAsync(state.Context, registration.Address) is not null || registration.Address == EscrowAccount)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{registration.Address} is already a user's or a machine's key.");
        }

        var machine = new Machine(registration.MachineId, registration.Address, engineer.CompanyId, [.. registration.Slots], registration.MaintenanceInterval, engineer.Address, state.Context.Timestamp, null, 0);
        await SaveMachineAsync(state, machine);
        await state.PutAsync(ProcurementKeys.MachineByAddress(machine.Address), new IdArgs(machine.MachineId), Json.IdArgs);
        state.Emit(ProcurementEvents.MachineRegistered, machine, Json.Machine);
        return null;
    }

    private async Task<string?> ConsumeAsync(ChaincodeState state, ConsumeArgs args)
    {
        Machine machine = await MachineCallerAsync(state);
        MaterialSlot slot = RequireSlot(machine, args.MaterialNumber, "materialNumber");
        ProcurementValidation.RequireQuantity(args.Quantity, "quantity");
        if (args.Quantity > slot.Stock)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Machine {machine.MachineId} holds {slot.Stock} of {slot.MaterialNumber}, not {args.Quantity}.");
        }

        await SaveMachineAsync(state, WithStock(machine, slot.MaterialNumber, -args.Quantity));
        state.Emit(ProcurementEvents.MaterialConsumed, new MaterialConsumption(machine.MachineId, slot.MaterialNumber, args.Quantity, slot.Stock - args.Quantity), Json.MaterialConsumption);
        return null;
    }

    /// <summary>True when the caller may read what belongs to <paramref name="machine"/>: the machine itself or an active user of its company.</summary>
    private async Task<bool> IsOwnSideAsync(ChaincodeState state, Machine machine)
    {
        Address caller = state.Context.Caller;
        return caller == machine.Address
            || (await _membership.IsActiveMemberAsync(state.Context, caller) && await UserCompanyAsync(state, caller) == machine.CompanyId);
    }
}
