namespace ValueChain.AppMarket;

/// <summary>How one delivery of the IoT manager ended, as the ledger recorded it.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Version">The version delivered (or refused).</param>
/// <param name="Outcome">What the device reported, or null when the manager refused the binary and delivered nothing.</param>
/// <param name="Refusal">Why the manager refused the binary, or null.</param>
public sealed record DeliveryOutcome(string DeviceId, string AppId, AppVersion Version, InstallOutcome? Outcome, string? Refusal)
{
    /// <summary>True when the device installed the version.</summary>
    public bool Succeeded => Outcome == InstallOutcome.Installed;
}
