using System.Text.Json;

namespace ValueChain.AppMarket;

/// <summary>
/// The JSON payloads of the marketplace chaincode's events (<see cref="AppMarketEvents"/>) exactly as the chaincode
/// emits them, for drivers that rebuild the events from their own records (the Ethereum adapter from logs).
/// </summary>
public static class AppMarketEventPayloads
{
    private static readonly AppMarketJsonContext Json = AppMarketJsonContext.Default;

    /// <summary><see cref="AppMarketEvents.AppPublished"/>.</summary>
    public static string App(AppRecord app) => JsonSerializer.Serialize(app, Json.AppRecord);

    /// <summary><see cref="AppMarketEvents.DeviceRegistered"/>.</summary>
    public static string Device(Device device) => JsonSerializer.Serialize(device, Json.Device);

    /// <summary><see cref="AppMarketEvents.TechnicianAuthorized"/> and <see cref="AppMarketEvents.TechnicianRevoked"/>.</summary>
    public static string Technician(Technician technician) => JsonSerializer.Serialize(technician, Json.Technician);

    /// <summary>The installation events (<see cref="AppMarketEvents.InstallRequested"/> … <see cref="AppMarketEvents.SubscriptionRenewed"/>).</summary>
    public static string Installation(Installation installation) => JsonSerializer.Serialize(installation, Json.Installation);

    /// <summary><see cref="AppMarketEvents.UsageSettled"/> and <see cref="AppMarketEvents.UsageRejected"/>.</summary>
    public static string Usage(UsageSettlement settlement) => JsonSerializer.Serialize(settlement, Json.UsageSettlement);

    /// <summary>The event name of an installation change recorded in the history as <paramref name="action"/>.</summary>
    public static string EventOf(HistoryAction action) => action switch
    {
        HistoryAction.InstallRequested => AppMarketEvents.InstallRequested,
        HistoryAction.Installed => AppMarketEvents.Installed,
        HistoryAction.UpdateRequested => AppMarketEvents.UpdateRequested,
        HistoryAction.Updated => AppMarketEvents.Updated,
        HistoryAction.Failed => AppMarketEvents.InstallFailed,
        HistoryAction.RolledBack => AppMarketEvents.RolledBack,
        HistoryAction.Removed => AppMarketEvents.Removed,
        HistoryAction.Refunded => AppMarketEvents.InstallRefunded,
        HistoryAction.DeliveryRefused => AppMarketEvents.DeliveryRefused,
        HistoryAction.Renewed => AppMarketEvents.SubscriptionRenewed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a history action."),
    };
}
