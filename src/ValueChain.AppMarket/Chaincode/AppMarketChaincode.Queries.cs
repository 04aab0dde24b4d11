using ValueChain.Ledger;

namespace ValueChain.AppMarket;

// The signed reads: installations and histories are read by the owning company and its technicians; the devices
// running an app by its developer (all) or by a company and its technicians (their own).
public sealed partial class AppMarketChaincode
{
    private async Task<AccessResult> HasAccessAsync(ChaincodeState state, InstallationArgs args) =>
        new(await InstallationAsync(state, args.DeviceId, args.AppId) is { Active: true } installation
            && ModelOf(installation.Pricing).HasAccess(installation, state.Context.Timestamp));

    private static async Task<Installation?> InstallationForReaderAsync(ChaincodeState state, InstallationArgs args)
    {
        await ReadableDeviceAsync(state, args.DeviceId);
        return await InstallationAsync(state, args.DeviceId, args.AppId);
    }

    private static async Task<List<Installation>> InstallationsOfDeviceAsync(ChaincodeState state, string deviceId)
    {
        await ReadableDeviceAsync(state, deviceId);
        return await state.ValuesUnderAsync(Json.Installation, "installation", deviceId);
    }

    private static async Task<List<HistoryEntry>> DeviceHistoryAsync(ChaincodeState state, string deviceId)
    {
        await ReadableDeviceAsync(state, deviceId);
        return await state.ValuesUnderAsync(Json.HistoryEntry, "history", deviceId);
    }

    private static async Task<List<Installation>> DevicesRunningAsync(ChaincodeState state, string appId)
    {
        Address reader = state.Context.Caller;
        bool developer = (await LatestAsync(state, appId))?.Developer == reader;
        var running = new List<Installation>();
        foreach (string deviceId in await state.IdsUnderAsync("ix-running", appId))
        {
            Device device = (await state.GetAsync(AppMarketKeys.Device(deviceId), Json.Device))!;
            if (developer || await MayReadAsync(state, reader, device))
            {
                running.Add((await InstallationAsync(state, deviceId, appId))!);
            }
        }

        return running;
    }

    // What a technician with several devices in view sees: the apps active on every one of them, at their latest version.
    private static async Task<List<AppRecord>> AppsOnAllDevicesAsync(ChaincodeState state, IReadOnlyList<string> deviceIds)
    {
        if (deviceIds is null || deviceIds.Count is 0 or > 100)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Ids must name 1 to 100 devices, not {deviceIds?.Count ?? 0}.");
        }

        SortedSet<string>? common = null;
        foreach (string deviceId in deviceIds)
        {
            await ReadableDeviceAsync(state, deviceId);
            IEnumerable<string> active = (await state.ValuesUnderAsync(Json.Installation, "installation", deviceId)).Where(i => i.Active).Select(i => i.AppId);
            if (common is null)
            {
                common = new SortedSet<string>(active, StringComparer.Ordinal);
            }
            else
            {
                common.IntersectWith(active);
            }
        }

        var apps = new List<AppRecord>();
        foreach (string appId in common!)
        {
            apps.Add((await LatestAsync(state, appId))!);
        }

        return apps;
    }
}
