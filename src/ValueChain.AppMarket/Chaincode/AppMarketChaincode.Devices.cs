using ValueChain.Ledger;

namespace ValueChain.AppMarket;

public sealed partial class AppMarketChaincode
{
    private async Task<string?> AuthorizeTechnicianAsync(ChaincodeState state, TechnicianArgs args)
    {
        AppMarketMember company = await CallerAsync(state, AppMarketRole.Company);
        AppMarketRules.RequireName(args.Name, "Name");
        if (args.Technician.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "Technician must be the technician's signing address, not the zero address.");
        }

        if (await state.GetAsync(AppMarketKeys.Technician(args.Technician), Json.Technician) is { } existing)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Technician} is already a technician of {existing.Company}; a technician works for one company.");
        }

        var technician = new Technician(args.Technician, company.Address, args.Name, state.Context.Timestamp);
        await state.PutAsync(AppMarketKeys.Technician(args.Technician), technician, Json.Technician);
        state.Emit(AppMarketEvents.TechnicianAuthorized, technician, Json.Technician);
        return null;
    }

    private async Task<string?> RevokeTechnicianAsync(ChaincodeState state, Address address)
    {
        AppMarketMember company = await CallerAsync(state, AppMarketRole.Company);
        Technician technician = await state.GetAsync(AppMarketKeys.Technician(address), Json.Technician)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{address} is not a technician.");
        if (technician.Company != company.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{address} is a technician of {technician.Company}, not of {company.Name}.");
        }

        await state.DeleteAsync(AppMarketKeys.Technician(address));
        state.Emit(AppMarketEvents.TechnicianRevoked, technician, Json.Technician);
        return null;
    }

    private async Task<string?> RegisterDeviceAsync(ChaincodeState state, DeviceArgs args)
    {
        AppMarketMember company = await CallerAsync(state, AppMarketRole.Company);
        AppMarketRules.RequireId(args.DeviceId, "DeviceId");
        AppMarketRules.RequireId(args.DeviceType, "DeviceType");
        if (args.Key.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "Key must be the address of the device's key, not the zero address.");
        }

        if (await state.ExistsAsync(AppMarketKeys.Device(args.DeviceId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Device {args.DeviceId} is already registered.");
        }

        var device = new Device(args.DeviceId, args.DeviceType, args.Key, company.Address, state.Context.Timestamp);
        await state.PutAsync(AppMarketKeys.Device(args.DeviceId), device, Json.Device);
        state.Emit(AppMarketEvents.DeviceRegistered, device, Json.Device);
        return null;
    }

    private static async Task<Device> RequireDeviceAsync(ChaincodeState state, string deviceId) =>
        await state.GetAsync(AppMarketKeys.Device(deviceId), Json.Device)
        ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Device {deviceId} is not registered.");

    /// <summary>The caller as a technician of the company that owns <paramref name="deviceId"/>, which must still be an active company.</summary>
    private async Task<(Technician Technician, Device Device)> TechnicianForAsync(ChaincodeState state, string deviceId)
    {
        Address caller = state.Context.Caller;
        Technician technician = await state.GetAsync(AppMarketKeys.Technician(caller), Json.Technician)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} is not an authorised technician.");
        Device device = await RequireDeviceAsync(state, deviceId);
        if (device.Company != technician.Company)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Technician {technician.Name} works for {technician.Company}; device {deviceId} belongs to {device.Company}.");
        }

        if (!await _membership.IsActiveMemberAsync(state.Context, technician.Company, nameof(AppMarketRole.Company)))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"The company {technician.Company} of technician {technician.Name} is no active member.");
        }

        return (technician, device);
    }

    /// <summary>
    /// Whether <paramref name="reader"/> may read the installations of <paramref name="device"/>: its company and that
    /// company's technicians.
    /// </summary>
    private static async Task<bool> MayReadAsync(ChaincodeState state, Address reader, Device device) =>
        reader == device.Company || (await state.GetAsync(AppMarketKeys.Technician(reader), Json.Technician))?.Company == device.Company;

    private static async Task<Device> ReadableDeviceAsync(ChaincodeState state, string deviceId)
    {
        Device device = await RequireDeviceAsync(state, deviceId);
        return await MayReadAsync(state, state.Context.Caller, device)
            ? device
            : throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the company that owns device {deviceId} and its technicians read its installations; {state.Context.Caller} is neither.");
    }
}
