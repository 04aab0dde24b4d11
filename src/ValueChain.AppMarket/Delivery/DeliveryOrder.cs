namespace ValueChain.AppMarket;

/// <summary>What the IoT manager asks a device agent to do: install (or update to) an app version, or remove an app.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="App">The app record of the version to install, as the ledger holds it.</param>
/// <param name="Remove">True to remove the app instead.</param>
public sealed record DeliveryOrder(string DeviceId, AppRecord App, bool Remove = false);
