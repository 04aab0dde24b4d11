using System.Text.Json.Nodes;
using ValueChain.Cryptography;

namespace ValueChain.AppMarket;

/// <summary>
/// A device's signed report of an install's outcome, as EIP-712 typed data
/// <c>InstallReport(string deviceId,string appId,uint64 version,uint8 outcome,uint64 counter)</c> in <see cref="DeviceReportDomain"/>.
/// The counter is the device's report counter: every report (install or usage) carries a higher one than the last.
/// </summary>
/// <param name="DeviceId">The reporting device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Version">The version the install or update was for.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Counter">The device's report counter, above every counter it used before.</param>
public sealed record InstallReport(string DeviceId, string AppId, AppVersion Version, InstallOutcome Outcome, ulong Counter)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> Types = new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        ["InstallReport"] = [new("deviceId", "string"), new("appId", "string"), new("version", "uint64"), new("outcome", "uint8"), new("counter", "uint64")],
    };

    /// <summary>The report as EIP-712 typed data in <paramref name="domain"/>.</summary>
    public Eip712TypedData ToTypedData(DeviceReportDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new(domain.ToEip712(), Types, "InstallReport", new JsonObject
        {
            ["deviceId"] = DeviceId,
            ["appId"] = AppId,
            ["version"] = Version.Packed,
            ["outcome"] = (byte)Outcome,
            ["counter"] = Counter,
        });
    }

    /// <summary>The digest the device signs.</summary>
    public Hash32 Digest(DeviceReportDomain domain) => ToTypedData(domain).Digest();

    /// <summary>The report signed by <paramref name="device"/>'s key.</summary>
    public async Task<SignedInstallReport> SignAsync(ISigner device, DeviceReportDomain domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new SignedInstallReport(this, await device.SignAsync(Digest(domain), cancellationToken));
    }
}
