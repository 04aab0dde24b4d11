using System.Globalization;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// The chaincode's state keys, parts joined by U+001F (which ids cannot contain). Versions are keyed by their packed
/// number in 20 digits, so that a range scan lists an app's versions in order.
/// </summary>
internal static class AppMarketKeys
{
    public static string App(string appId, AppVersion version) => Join("app", appId, version.Packed.ToString("D20", CultureInfo.InvariantCulture));

    public static string[] AppVersions(string appId) => ["app", appId];

    public static string Latest(string appId) => Join("app-latest", appId);

    public static string ByDeviceType(string type, string appId) => Join("ix-type", type, appId);

    public static string Device(string deviceId) => Join("device", deviceId);

    public static string Technician(Address technician) => Join("technician", technician.ToLowerHex());

    public static string Installation(string deviceId, string appId) => Join("installation", deviceId, appId);

    public static string Running(string appId, string deviceId) => Join("ix-running", appId, deviceId);

    public static string HistoryCount(string deviceId) => Join("history-count", deviceId);

    public static string History(string deviceId, int sequence) => Join("history", deviceId, sequence.ToString("D8", CultureInfo.InvariantCulture));

    public static string ReportCounter(string deviceId) => Join("report-counter", deviceId);

    public static string UsageRejection(string deviceId, string transaction, int index) => Join("usage-rejection", deviceId, transaction, index.ToString("D5", CultureInfo.InvariantCulture));

    private static string Join(params string[] parts) => ChaincodeState.Key(parts);
}
