using System.Text.Json.Nodes;
using ValueChain.Cryptography;

namespace ValueChain.AppMarket;

/// <summary>
/// A device's signed usage of a pay-per-use app, cumulative since the first install, as EIP-712 typed data
/// <c>UsageReport(string deviceId,string appId,uint64 units,uint64 counter)</c> in <see cref="DeviceReportDomain"/>.
/// A settled report pays the units above the last settled total; a replayed counter or a lower total pays nothing.
/// </summary>
/// <param name="DeviceId">The reporting device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Units">The cumulative usage units.</param>
/// <param name="Counter">The device's report counter, above every counter it used before.</param>
public sealed record UsageReport(string DeviceId, string AppId, ulong Units, ulong Counter)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> Types = new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        ["UsageReport"] = [new("deviceId", "string"), new("appId", "string"), new("units", "uint64"), new("counter", "uint64")],
    };

    /// <summary>The report as EIP-712 typed data in <paramref name="domain"/>.</summary>
    public Eip712TypedData ToTypedData(DeviceReportDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new(domain.ToEip712(), Types, "UsageReport", new JsonObject
        {
            ["deviceId"] = DeviceId,
            ["appId"] = AppId,
            ["units"] = Units,
            ["counter"] = Counter,
        });
    }

    /// <summary>The digest the device signs.</summary>
    public Hash32 Digest(DeviceReportDomain domain) => ToTypedData(domain).Digest();

    /// <summary>The report signed by <paramref name="device"/>'s key.</summary>
    public async Task<SignedUsageReport> SignAsync(ISigner device, DeviceReportDomain domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new SignedUsageReport(this, await device.SignAsync(Digest(domain), cancellationToken));
    }
}
