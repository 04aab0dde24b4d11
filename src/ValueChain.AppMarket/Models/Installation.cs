namespace ValueChain.AppMarket;

/// <summary>An app on a device: the purchase, the install and where it stands.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Company">The device's owner, who pays.</param>
/// <param name="Developer">The app's developer, who is paid.</param>
/// <param name="Version">The version installed (or, before the first install, requested).</param>
/// <param name="PendingVersion">The version an update moves to, while one is requested.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Active">True while the app is installed on the device.</param>
/// <param name="PurchasedAt">Ledger time of the purchase (the install request).</param>
/// <param name="InstalledAt">Ledger time of the first successful install report, or null.</param>
/// <param name="InstalledBy">The technician who requested the install.</param>
/// <param name="Purchase">Which purchase of this app on this device it is (1, 2, … after a failure or removal).</param>
/// <param name="Pricing">The pricing at purchase.</param>
/// <param name="PaidUntil">A subscription's paid-up ledger time, or null.</param>
/// <param name="UsageUnits">The cumulative usage units settled so far (pay-per-use).</param>
public sealed record Installation(
    string DeviceId,
    string AppId,
    Address Company,
    Address Developer,
    AppVersion Version,
    AppVersion? PendingVersion,
    InstallationStatus Status,
    bool Active,
    DateTimeOffset PurchasedAt,
    DateTimeOffset? InstalledAt,
    Address InstalledBy,
    int Purchase,
    AppPricing Pricing,
    DateTimeOffset? PaidUntil,
    ulong UsageUnits);
