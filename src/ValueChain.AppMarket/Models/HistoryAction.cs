namespace ValueChain.AppMarket;

/// <summary>What happened to an app on a device, as its history records it.</summary>
public enum HistoryAction
{
    /// <summary>A technician requested an install (and the purchase was made).</summary>
    InstallRequested = 1,

    /// <summary>The device reported the install succeeded.</summary>
    Installed = 2,

    /// <summary>A technician requested an update to a later version.</summary>
    UpdateRequested = 3,

    /// <summary>The device reported the update succeeded.</summary>
    Updated = 4,

    /// <summary>The device reported the install or update failed.</summary>
    Failed = 5,

    /// <summary>The device installed the version, its health check failed, and it went back to what it ran before.</summary>
    RolledBack = 6,

    /// <summary>A technician removed the app.</summary>
    Removed = 7,

    /// <summary>The install timed out and the company took its money back.</summary>
    Refunded = 8,

    /// <summary>The IoT manager refused to deliver a binary that did not match the app record.</summary>
    DeliveryRefused = 9,

    /// <summary>A subscription was paid for another period.</summary>
    Renewed = 10,
}
