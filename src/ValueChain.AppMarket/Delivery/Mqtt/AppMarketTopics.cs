using ValueChain.Mqtt;

namespace ValueChain.AppMarket;

/// <summary>
/// The marketplace's MQTT topics and broker accounts. Every device has its own subtree
/// <c>appmarket/devices/{deviceId}/</c>: <c>orders</c> and <c>chunks/…</c> from the manager, <c>requests</c> and
/// <c>reports</c> from the device. A device's account reaches only its own subtree; the manager's reaches every device's.
/// </summary>
public static class AppMarketTopics
{
    /// <summary>The root of every device's topics.</summary>
    public const string Root = "appmarket/devices";

    /// <summary>Where the manager sends a device its orders.</summary>
    public static string Orders(string deviceId) => $"{Root}/{deviceId}/orders";

    /// <summary>Where the manager sends chunk <paramref name="index"/> of transfer <paramref name="transferId"/>.</summary>
    public static string Chunk(string deviceId, string transferId, int index) => $"{Root}/{deviceId}/chunks/{transferId}/{index}";

    /// <summary>The filter of every chunk sent to a device.</summary>
    public static string Chunks(string deviceId) => $"{Root}/{deviceId}/chunks/#";

    /// <summary>Where a device asks for the chunks it still lacks.</summary>
    public static string Requests(string deviceId) => $"{Root}/{deviceId}/requests";

    /// <summary>Where a device sends its signed reports.</summary>
    public static string Reports(string deviceId) => $"{Root}/{deviceId}/reports";

    /// <summary>The broker account of <paramref name="deviceId"/>: reads its orders and chunks, writes its requests and reports, nothing else.</summary>
    public static MqttAccount DeviceAccount(string deviceId, string password)
    {
        AppMarketRules.RequireId(deviceId, nameof(deviceId));
        return new MqttAccount(deviceId, password,
        [
            new(Orders(deviceId), MqttTopicAccess.Read),
            new(Chunks(deviceId), MqttTopicAccess.Read),
            new(Requests(deviceId), MqttTopicAccess.Write),
            new(Reports(deviceId), MqttTopicAccess.Write),
        ]);
    }

    /// <summary>The IoT manager's broker account <paramref name="username"/>: every device's topics.</summary>
    public static MqttAccount ManagerAccount(string username, string password) =>
        new(username, password, [new($"{Root}/#", MqttTopicAccess.ReadWrite)]);

    // The device id is the second-to-last level of a device's request or report topic.
    internal static string? DeviceOf(string topic)
    {
        string[] levels = topic.Split('/');
        return levels.Length == 4 && topic.StartsWith(Root + "/", StringComparison.Ordinal) ? levels[2] : null;
    }
}
