namespace ValueChain.AppMarket;

/// <summary>What the IoT manager asks a device agent to do: install (or update to) an app version, or remove an app.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="App">The app record of the version to install (or, for a removal, the one installed), as the ledger holds it.</param>
/// <param name="Remove">True to remove the app instead.</param>
/// <param name="OrderId">
/// The order's id (over MQTT, the transfer's): the same order carried out again, after a restart of the device, is
/// answered with the report it already had. Null for a one-off order.
/// </param>
public sealed record DeliveryOrder(string DeviceId, AppRecord App, bool Remove = false, string? OrderId = null);
