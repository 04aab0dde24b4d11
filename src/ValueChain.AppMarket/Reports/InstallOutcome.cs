namespace ValueChain.AppMarket;

/// <summary>What a device reports at the end of an install, an update or a removal.</summary>
public enum InstallOutcome
{
    /// <summary>Installed, health check passed, committed.</summary>
    Installed = 1,

    /// <summary>The install did not complete (download, verification or installation failed); nothing changed on the device.</summary>
    Failed = 2,

    /// <summary>Installed, but the health check failed and the device went back to what it ran before.</summary>
    RolledBack = 3,

    /// <summary>
    /// The device removed the app on a removal order. The ledger records a removal from the technician's request, so
    /// this report goes back to the IoT manager only; the ledger refuses it as an install report.
    /// </summary>
    Removed = 4,
}
