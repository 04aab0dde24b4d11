namespace ValueChain.AppMarket;

/// <summary>How one delivery of the IoT manager ended, as the ledger recorded it.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Version">The version delivered (or refused).</param>
/// <param name="Outcome">
/// What the device reported, or null when the manager refused the binary and delivered nothing, or when the device did
/// not answer (<see cref="Unreachable"/>).
/// </param>
/// <param name="Refusal">Why the manager refused the binary, or null.</param>
public sealed record DeliveryOutcome(string DeviceId, string AppId, AppVersion Version, InstallOutcome? Outcome, string? Refusal)
{
    /// <summary>True when the device installed the version (or, for a removal, removed the app).</summary>
    public bool Succeeded => Outcome is InstallOutcome.Installed or InstallOutcome.Removed;

    /// <summary>
    /// True when the device did not report within the delivery's timeout (only a rollout returns such an outcome; a
    /// single delivery throws <see cref="DeviceUnreachableException"/>). The request stays pending on the ledger, and
    /// over MQTT the order waits in the device's session.
    /// </summary>
    public bool Unreachable { get; init; }
}
