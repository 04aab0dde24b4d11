namespace ValueChain.AppMarket;

/// <summary>Where an installation of an app on a device stands on the ledger.</summary>
public enum InstallationStatus
{
    /// <summary>A technician requested the install; the device has not reported yet.</summary>
    Requested = 1,

    /// <summary>The device reported a successful install (or update); the app is active.</summary>
    Installed = 2,

    /// <summary>The app is active at its version and an update to <see cref="Installation.PendingVersion"/> is requested.</summary>
    UpdateRequested = 3,

    /// <summary>The first install failed (or was rolled back); a held price was refunded.</summary>
    Failed = 4,

    /// <summary>The app was uninstalled.</summary>
    Removed = 5,

    /// <summary>The device never reported within the install time-out and the company took its money back.</summary>
    Refunded = 6,
}
