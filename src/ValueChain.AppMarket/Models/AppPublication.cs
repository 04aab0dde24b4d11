namespace ValueChain.AppMarket;

/// <summary>What a developer submits to publish a version of an app.</summary>
/// <param name="AppId">The app's id (1–64 letters, digits, '.', '_' or '-'); the first publication makes the caller its developer.</param>
/// <param name="Name">The app's display name (1–200 characters).</param>
/// <param name="Version">The version, above every version of the app published before.</param>
/// <param name="Pricing">How the app is paid.</param>
/// <param name="DeviceTypes">The device types it runs on (1–16 ids like the app id).</param>
/// <param name="Binary">The binary in the warehouse with its length and SHA-256.</param>
/// <param name="Icons">Icons by content id (at most 16).</param>
/// <param name="Screenshots">Screenshots by content id (at most 16).</param>
public sealed record AppPublication(string AppId, string Name, AppVersion Version, AppPricing Pricing, IReadOnlyList<string> DeviceTypes, BinaryReference Binary, IReadOnlyList<string> Icons, IReadOnlyList<string> Screenshots);
