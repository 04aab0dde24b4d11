namespace ValueChain.AppMarket;

/// <summary>One published version of an app, as the ledger holds it; old versions stay visible.</summary>
/// <param name="AppId">The app's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Version">This version.</param>
/// <param name="Developer">The developer who published the app and is paid for it.</param>
/// <param name="ReleasedAt">The ledger time of this version's publication.</param>
/// <param name="Pricing">How this version is paid.</param>
/// <param name="DeviceTypes">The device types it runs on.</param>
/// <param name="Binary">The binary in the warehouse with its length and SHA-256.</param>
/// <param name="Icons">Icons by content id.</param>
/// <param name="Screenshots">Screenshots by content id.</param>
/// <param name="PreviousVersion">The version this one follows, or null for the first.</param>
public sealed record AppRecord(
    string AppId,
    string Name,
    AppVersion Version,
    Address Developer,
    DateTimeOffset ReleasedAt,
    AppPricing Pricing,
    IReadOnlyList<string> DeviceTypes,
    BinaryReference Binary,
    IReadOnlyList<string> Icons,
    IReadOnlyList<string> Screenshots,
    AppVersion? PreviousVersion)
{
    /// <summary>True when the app runs on <paramref name="deviceType"/>.</summary>
    public bool Supports(string deviceType) => DeviceTypes.Contains(deviceType, StringComparer.Ordinal);
}
