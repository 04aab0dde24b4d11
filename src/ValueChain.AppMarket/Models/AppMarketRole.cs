namespace ValueChain.AppMarket;

/// <summary>What a member of the marketplace does.</summary>
public enum AppMarketRole
{
    /// <summary>Runs the marketplace (mints tokens when it is an admin).</summary>
    Operator = 1,

    /// <summary>Publishes apps and is paid for them.</summary>
    Developer = 2,

    /// <summary>Owns edge devices, authorises technicians and pays for apps.</summary>
    Company = 3,
}
