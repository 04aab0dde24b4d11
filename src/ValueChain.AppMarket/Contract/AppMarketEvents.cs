namespace ValueChain.AppMarket;

/// <summary>The names of the events the marketplace chaincode emits, for drivers that rebuild them (the Ethereum adapter).</summary>
public static class AppMarketEvents
{
    /// <summary>A version of an app was published (payload: the <see cref="AppRecord"/>).</summary>
    public const string AppPublished = "AppPublished";

    /// <summary>A company authorised a technician (payload: the <see cref="Technician"/>).</summary>
    public const string TechnicianAuthorized = "TechnicianAuthorized";

    /// <summary>A company withdrew a technician's authorisation (payload: the <see cref="Technician"/> as it was).</summary>
    public const string TechnicianRevoked = "TechnicianRevoked";

    /// <summary>A company registered a device (payload: the <see cref="Device"/>).</summary>
    public const string DeviceRegistered = "DeviceRegistered";

    /// <summary>A technician requested an install (payload: the <see cref="Installation"/> after).</summary>
    public const string InstallRequested = "InstallRequested";

    /// <summary>A technician requested an update (payload: the <see cref="Installation"/> after).</summary>
    public const string UpdateRequested = "UpdateRequested";

    /// <summary>The device reported a successful install (payload: the <see cref="Installation"/> after).</summary>
    public const string Installed = "Installed";

    /// <summary>The device reported a successful update (payload: the <see cref="Installation"/> after).</summary>
    public const string Updated = "Updated";

    /// <summary>The device reported a failed install or update (payload: the <see cref="Installation"/> after).</summary>
    public const string InstallFailed = "InstallFailed";

    /// <summary>The device reported it rolled back (payload: the <see cref="Installation"/> after).</summary>
    public const string RolledBack = "RolledBack";

    /// <summary>A technician removed the app (payload: the <see cref="Installation"/> after).</summary>
    public const string Removed = "Removed";

    /// <summary>The company took a timed-out purchase back (payload: the <see cref="Installation"/> after).</summary>
    public const string InstallRefunded = "InstallRefunded";

    /// <summary>The IoT manager refused a binary that did not match its record (payload: the <see cref="Installation"/> after).</summary>
    public const string DeliveryRefused = "DeliveryRefused";

    /// <summary>The company paid a subscription's next period (payload: the <see cref="Installation"/> after).</summary>
    public const string SubscriptionRenewed = "SubscriptionRenewed";

    /// <summary>A usage report was paid (payload: the <see cref="UsageSettlement"/>).</summary>
    public const string UsageSettled = "UsageSettled";

    /// <summary>A usage report paid nothing and was recorded (payload: the <see cref="UsageSettlement"/> with its rejection).</summary>
    public const string UsageRejected = "UsageRejected";

    /// <summary>Tokens moved (ERC-20 Transfer: from, to, value).</summary>
    public const string Transfer = "Transfer";

    /// <summary>An allowance was set (ERC-20 Approval: owner, spender, value).</summary>
    public const string Approval = "Approval";
}
