using ValueChain.Ledger;

namespace ValueChain.AppMarket;

public sealed partial class AppMarketChaincode
{
    /// <summary>
    /// A developer publishes a version: the first version makes the caller the app's developer; later versions come
    /// from that developer only and are above every earlier one. Every version stays readable.
    /// </summary>
    private async Task<string?> PublishAsync(ChaincodeState state, AppPublication publication)
    {
        AppMarketMember developer = await CallerAsync(state, AppMarketRole.Developer);
        AppMarketRules.RequirePublication(publication);
        ModelOf(publication.Pricing).Validate(publication.Pricing);
        AppRecord? latest = await LatestAsync(state, publication.AppId);
        if (latest is not null && latest.Developer != developer.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"App {publication.AppId} belongs to developer {latest.Developer}; only it publishes versions of the app.");
        }

        if (latest is not null && publication.Version <= latest.Version)
        {
            throw new ChaincodeException(AppMarketErrorCodes.VersionNotNewer, $"Version {publication.Version} of {publication.AppId} is not above its latest version {latest.Version}: versions only go up.");
        }

        var record = new AppRecord(
            publication.AppId, publication.Name, publication.Version, developer.Address, state.Context.Timestamp, publication.Pricing,
            [.. publication.DeviceTypes], publication.Binary, [.. publication.Icons], [.. publication.Screenshots], latest?.Version);
        await state.PutAsync(AppMarketKeys.App(record.AppId, record.Version), record, Json.AppRecord);
        await state.PutAsync(AppMarketKeys.Latest(record.AppId), new IdArgs(record.Version.ToString()), Json.IdArgs);
        foreach (string type in record.DeviceTypes)
        {
            await state.MarkAsync(AppMarketKeys.ByDeviceType(type, record.AppId));
        }

        state.Emit(AppMarketEvents.AppPublished, record, Json.AppRecord);
        return null;
    }

    private static async Task<AppRecord?> LatestAsync(ChaincodeState state, string appId)
    {
        IdArgs? latest = await state.GetAsync(AppMarketKeys.Latest(appId), Json.IdArgs);
        return latest is null ? null : await state.GetAsync(AppMarketKeys.App(appId, AppVersion.Parse(latest.Id)), Json.AppRecord);
    }

    private static async Task<AppRecord?> AppAsync(ChaincodeState state, AppArgs args) =>
        args.Version is { } version ? await state.GetAsync(AppMarketKeys.App(args.AppId, version), Json.AppRecord) : await LatestAsync(state, args.AppId);

    private static async Task<AppRecord> RequireAppAsync(ChaincodeState state, string appId, AppVersion? version) =>
        await AppAsync(state, new AppArgs(appId, version))
        ?? throw new ChaincodeException(ErrorCodes.NotFound, version is null ? $"App {appId} is not published." : $"App {appId} has no version {version}.");

    // The latest version of each app that any version listed under the type, kept when the latest still supports it.
    private static async Task<List<AppRecord>> AppsByDeviceTypeAsync(ChaincodeState state, string deviceType)
    {
        var apps = new List<AppRecord>();
        foreach (string appId in await state.IdsUnderAsync("ix-type", deviceType))
        {
            if (await LatestAsync(state, appId) is { } latest && latest.Supports(deviceType))
            {
                apps.Add(latest);
            }
        }

        return apps;
    }
}
