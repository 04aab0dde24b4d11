namespace ValueChain.AppMarket;

/// <summary>What a device reports at the end of an install or update.</summary>
public enum InstallOutcome
{
    /// <summary>Installed, health check passed, committed.</summary>
    Installed = 1,

    /// <summary>The install did not complete (download, verification or installation failed); nothing changed on the device.</summary>
    Failed = 2,

    /// <summary>Installed, but the health check failed and the device went back to what it ran before.</summary>
    RolledBack = 3,
}
