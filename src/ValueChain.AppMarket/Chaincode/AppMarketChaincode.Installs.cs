using System.Globalization;
using System.Text;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

public sealed partial class AppMarketChaincode
{
    /// <summary>
    /// A technician of the device's company requests an install (on site or remotely): the version (the latest when
    /// none is named) must support the device's type, the app must not be on the device already, and the payment
    /// model takes or holds the company's money.
    /// </summary>
    private async Task<string?> RequestInstallAsync(ChaincodeState state, InstallArgs args)
    {
        (Technician technician, Device device) = await TechnicianForAsync(state, args.DeviceId);
        AppRecord app = await RequireAppAsync(state, args.AppId, args.Version);
        RequireSupported(app, device);
        Installation? before = await InstallationAsync(state, device.DeviceId, app.AppId);
        if (before is { Status: InstallationStatus.Requested } || before?.Active == true)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{app.AppId} is already {before.Status} on device {device.DeviceId}.");
        }

        var installation = new Installation(
            device.DeviceId, app.AppId, device.Company, app.Developer, app.Version, null, InstallationStatus.Requested, false,
            state.Context.Timestamp, null, technician.Address, (before?.Purchase ?? 0) + 1, app.Pricing, null, before?.UsageUnits ?? 0);
        installation = await ModelOf(app.Pricing).PurchaseAsync(Payments(state), installation);
        await SaveAsync(state, installation, AppMarketEvents.InstallRequested, HistoryAction.InstallRequested, app.Version, technician.Address, args.Remote, null);
        return null;
    }

    /// <summary>A technician requests an update of an active app to a later version (the latest when none is named); a lapsed subscription is refused.</summary>
    private async Task<string?> RequestUpdateAsync(ChaincodeState state, InstallArgs args)
    {
        (Technician technician, Device device) = await TechnicianForAsync(state, args.DeviceId);
        Installation installation = await RequireInstallationAsync(state, device.DeviceId, args.AppId);
        if (installation.Status != InstallationStatus.Installed)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.AppId} on device {device.DeviceId} is {installation.Status}; only an installed app is updated.");
        }

        AppRecord app = await RequireAppAsync(state, args.AppId, args.Version);
        if (app.Version <= installation.Version)
        {
            throw new ChaincodeException(AppMarketErrorCodes.VersionNotNewer, $"Version {app.Version} of {app.AppId} is not above {installation.Version}, which device {device.DeviceId} runs: no downgrades.");
        }

        RequireSupported(app, device);
        RequireAccess(installation, state.Context.Timestamp);
        Installation updating = installation with { Status = InstallationStatus.UpdateRequested, PendingVersion = app.Version };
        await SaveAsync(state, updating, AppMarketEvents.UpdateRequested, HistoryAction.UpdateRequested, app.Version, technician.Address, args.Remote, null);
        return null;
    }

    /// <summary>A technician removes an active app; the installation stays on record, inactive.</summary>
    private async Task<string?> UninstallAsync(ChaincodeState state, InstallArgs args)
    {
        (Technician technician, Device device) = await TechnicianForAsync(state, args.DeviceId);
        Installation installation = await RequireInstallationAsync(state, device.DeviceId, args.AppId);
        if (!installation.Active)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.AppId} is not installed on device {device.DeviceId} ({installation.Status}).");
        }

        Installation removed = installation with { Status = InstallationStatus.Removed, Active = false, PendingVersion = null };
        await SaveAsync(state, removed, AppMarketEvents.Removed, HistoryAction.Removed, installation.Version, technician.Address, args.Remote, null);
        return null;
    }

    /// <summary>The company takes a held price back when the device did not report within the install time-out.</summary>
    private async Task<string?> RefundInstallAsync(ChaincodeState state, InstallationArgs args)
    {
        Device device = await RequireDeviceAsync(state, args.DeviceId);
        if (state.Context.Caller != device.Company)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the company {device.Company} that owns device {device.DeviceId} takes its purchase back.");
        }

        Installation installation = await RequireInstallationAsync(state, device.DeviceId, args.AppId);
        if (installation.Status != InstallationStatus.Requested)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.AppId} on device {device.DeviceId} is {installation.Status}; only an install that never reported is refunded.");
        }

        DateTimeOffset from = installation.PurchasedAt + _options.InstallTimeout;
        if (state.Context.Timestamp < from)
        {
            throw new ChaincodeException(ErrorCodes.DeadlineNotReached, $"The install of {args.AppId} on device {device.DeviceId} may still report until {from:O}; it can be refunded from then.");
        }

        Installation refunded = await ModelOf(installation.Pricing).NotInstalledAsync(Payments(state), installation) with { Status = InstallationStatus.Refunded };
        await SaveAsync(state, refunded, AppMarketEvents.InstallRefunded, HistoryAction.Refunded, installation.Version, state.Context.Caller, false, "no report within the install time-out");
        return null;
    }

    /// <summary>The company pays a subscription's next period (a lapsed one restarts now).</summary>
    private async Task<string?> RenewAsync(ChaincodeState state, InstallationArgs args)
    {
        AppMarketMember company = await CallerAsync(state, AppMarketRole.Company);
        Device device = await RequireDeviceAsync(state, args.DeviceId);
        if (device.Company != company.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the company {device.Company} that owns device {device.DeviceId} renews its subscriptions.");
        }

        Installation installation = await RequireInstallationAsync(state, device.DeviceId, args.AppId);
        if (!installation.Active)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.AppId} is not installed on device {device.DeviceId} ({installation.Status}).");
        }

        Installation renewed = await ModelOf(installation.Pricing).RenewAsync(Payments(state), installation);
        await SaveAsync(state, renewed, AppMarketEvents.SubscriptionRenewed, HistoryAction.Renewed, installation.Version, company.Address, true, null);
        return null;
    }

    /// <summary>
    /// The IoT manager (signing as a technician of the device's company) records that it refused to deliver a binary
    /// that did not match the app record. A pending first install then fails (and a held price goes back); a pending
    /// update is dropped and the device stays on its version.
    /// </summary>
    private async Task<string?> RecordRefusalAsync(ChaincodeState state, RefusalArgs args)
    {
        (Technician technician, Device device) = await TechnicianForAsync(state, args.DeviceId);
        AppMarketRules.RequireName(args.Reason, "Reason");
        Installation installation = await RequireInstallationAsync(state, device.DeviceId, args.AppId);
        Installation after = installation switch
        {
            { Status: InstallationStatus.Requested } when installation.Version == args.Version =>
                await ModelOf(installation.Pricing).NotInstalledAsync(Payments(state), installation) with { Status = InstallationStatus.Failed },
            { Status: InstallationStatus.UpdateRequested } when installation.PendingVersion == args.Version =>
                installation with { Status = InstallationStatus.Installed, PendingVersion = null },
            _ => throw new ChaincodeException(ErrorCodes.Conflict, $"No install or update of {args.AppId} {args.Version} is pending on device {device.DeviceId}."),
        };
        await SaveAsync(state, after, AppMarketEvents.DeliveryRefused, HistoryAction.DeliveryRefused, args.Version, technician.Address, false, args.Reason);
        return null;
    }

    private static void RequireSupported(AppRecord app, Device device)
    {
        if (!app.Supports(device.DeviceType))
        {
            throw new ChaincodeException(AppMarketErrorCodes.UnsupportedDeviceType, $"{app.AppId} {app.Version} runs on {string.Join(", ", app.DeviceTypes)}, not on device {device.DeviceId}'s type {device.DeviceType}.");
        }
    }

    private void RequireAccess(Installation installation, DateTimeOffset now)
    {
        if (!ModelOf(installation.Pricing).HasAccess(installation, now))
        {
            throw new ChaincodeException(AppMarketErrorCodes.SubscriptionLapsed, $"The subscription of {installation.AppId} on device {installation.DeviceId} is paid until {installation.PaidUntil:O}; renew it first.");
        }
    }

    private static Task<Installation?> InstallationAsync(ChaincodeState state, string deviceId, string appId) =>
        state.GetAsync(AppMarketKeys.Installation(deviceId, appId), Json.Installation);

    private static async Task<Installation> RequireInstallationAsync(ChaincodeState state, string deviceId, string appId) =>
        await InstallationAsync(state, deviceId, appId)
        ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{appId} was never requested on device {deviceId}.");

    /// <summary>Stores the installation, keeps the index of running devices, appends to the device's history and emits the event.</summary>
    private static async Task SaveAsync(ChaincodeState state, Installation installation, string eventName, HistoryAction action, AppVersion version, Address by, bool remote, string? detail)
    {
        await state.PutAsync(AppMarketKeys.Installation(installation.DeviceId, installation.AppId), installation, Json.Installation);
        if (installation.Active)
        {
            await state.MarkAsync(AppMarketKeys.Running(installation.AppId, installation.DeviceId));
        }
        else
        {
            await state.DeleteAsync(AppMarketKeys.Running(installation.AppId, installation.DeviceId));
        }

        string counter = AppMarketKeys.HistoryCount(installation.DeviceId);
        ReadOnlyMemory<byte>? raw = await state.Context.GetStateAsync(counter);
        int sequence = raw is null ? 0 : int.Parse(Encoding.UTF8.GetString(raw.Value.Span), CultureInfo.InvariantCulture);
        var entry = new HistoryEntry(installation.DeviceId, installation.AppId, action, version, by, state.Context.Timestamp, state.Context.TransactionId, remote, detail);
        await state.PutAsync(AppMarketKeys.History(installation.DeviceId, sequence), entry, Json.HistoryEntry);
        await state.Context.PutStateAsync(counter, Encoding.UTF8.GetBytes((sequence + 1).ToString(CultureInfo.InvariantCulture)));
        state.Emit(eventName, installation, Json.Installation);
    }
}
