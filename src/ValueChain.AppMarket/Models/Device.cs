namespace ValueChain.AppMarket;

/// <summary>An edge device registered by the company that owns it.</summary>
/// <param name="DeviceId">The device's id (1–64 letters, digits, '.', '_' or '-').</param>
/// <param name="DeviceType">Its type, matched against an app's supported device types.</param>
/// <param name="Key">The address of the device's key, which signs its install and usage reports.</param>
/// <param name="Company">The owning company.</param>
/// <param name="RegisteredAt">Ledger time of registration.</param>
public sealed record Device(string DeviceId, string DeviceType, Address Key, Address Company, DateTimeOffset RegisteredAt);
