using System.Runtime.CompilerServices;
using System.Text.Json;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// What a developer's, company's or technician's application calls: the marketplace bound to that participant's
/// signer, so every command is signed by it and every restricted query is asked as it.
/// </summary>
public sealed class AppMarketClient
{
    private readonly IAppMarketContract _market;
    private readonly ISigner _signer;

    /// <summary>Creates a client acting as <paramref name="signer"/>.</summary>
    public AppMarketClient(IAppMarketContract market, ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(signer);
        _market = market;
        _signer = signer;
    }

    /// <summary>The acting participant's address.</summary>
    public Address Address => _signer.Address;

    /// <summary>The port, for queries that need no identity.</summary>
    public IAppMarketContract Market => _market;

    /// <summary>This participant's token balance.</summary>
    public Task<UInt256> BalanceAsync(CancellationToken cancellationToken = default) => _market.BalanceOfAsync(Address, cancellationToken);

    /// <summary>Lets the marketplace spend up to <paramref name="amount"/> of this company's tokens for purchases, usage and subscriptions.</summary>
    public Task<AppMarketReceipt> ApprovePlatformAsync(UInt256 amount, CancellationToken cancellationToken = default) =>
        _market.ApproveAsync(_signer, _market.PlatformAddress, amount, cancellationToken);

    /// <summary>Publishes a version of an app (developers).</summary>
    public Task<AppMarketReceipt> PublishAsync(AppPublication publication, CancellationToken cancellationToken = default) =>
        _market.PublishAppAsync(_signer, publication, cancellationToken);

    /// <summary>
    /// Uploads <paramref name="binary"/> to <paramref name="warehouse"/> and publishes the version with the reference the
    /// upload gave (developers): the app record then pins exactly these bytes.
    /// </summary>
    public async Task<AppRecord> PublishAsync(AppWarehouse warehouse, Stream binary, string appId, string name, AppVersion version, AppPricing pricing, IReadOnlyList<string> deviceTypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        BinaryReference reference = await warehouse.UploadAsync(binary, cancellationToken);
        await _market.PublishAppAsync(_signer, new AppPublication(appId, name, version, pricing, deviceTypes, reference, [], []), cancellationToken);
        return (await _market.GetAppAsync(appId, version, cancellationToken))!;
    }

    /// <summary>Authorises a technician (or an IoT manager's key) for this company.</summary>
    public Task<AppMarketReceipt> AuthorizeTechnicianAsync(Address technician, string name, CancellationToken cancellationToken = default) =>
        _market.AuthorizeTechnicianAsync(_signer, technician, name, cancellationToken);

    /// <summary>Registers a device of this company.</summary>
    public Task<AppMarketReceipt> RegisterDeviceAsync(string deviceId, string deviceType, Address deviceKey, CancellationToken cancellationToken = default) =>
        _market.RegisterDeviceAsync(_signer, deviceId, deviceType, deviceKey, cancellationToken);

    /// <summary>Requests an install (technicians).</summary>
    public Task<AppMarketReceipt> RequestInstallAsync(string deviceId, string appId, AppVersion? version = null, bool remote = false, CancellationToken cancellationToken = default) =>
        _market.RequestInstallAsync(_signer, deviceId, appId, version, remote, cancellationToken);

    /// <summary>Requests an update (technicians).</summary>
    public Task<AppMarketReceipt> RequestUpdateAsync(string deviceId, string appId, AppVersion? version = null, bool remote = true, CancellationToken cancellationToken = default) =>
        _market.RequestUpdateAsync(_signer, deviceId, appId, version, remote, cancellationToken);

    /// <summary>Removes an app (technicians).</summary>
    public Task<AppMarketReceipt> UninstallAsync(string deviceId, string appId, bool remote = false, CancellationToken cancellationToken = default) =>
        _market.UninstallAsync(_signer, deviceId, appId, remote, cancellationToken);

    /// <summary>Pays a subscription's next period (companies).</summary>
    public Task<AppMarketReceipt> RenewSubscriptionAsync(string deviceId, string appId, CancellationToken cancellationToken = default) =>
        _market.RenewSubscriptionAsync(_signer, deviceId, appId, cancellationToken);

    /// <summary>Takes back a held price of an install that never reported (companies, after the time-out).</summary>
    public Task<AppMarketReceipt> RefundInstallAsync(string deviceId, string appId, CancellationToken cancellationToken = default) =>
        _market.RefundInstallAsync(_signer, deviceId, appId, cancellationToken);

    /// <summary>The installations of a device this participant may read.</summary>
    public Task<IReadOnlyList<Installation>> GetInstallationsAsync(string deviceId, CancellationToken cancellationToken = default) =>
        _market.GetInstallationsOfDeviceAsync(_signer, deviceId, cancellationToken);

    /// <summary>The history of a device this participant may read.</summary>
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string deviceId, CancellationToken cancellationToken = default) =>
        _market.GetDeviceHistoryAsync(_signer, deviceId, cancellationToken);

    /// <summary>The apps active on all of <paramref name="deviceIds"/> (what a technician sees with several devices in view).</summary>
    public Task<IReadOnlyList<AppRecord>> GetAppsOnAllDevicesAsync(IReadOnlyList<string> deviceIds, CancellationToken cancellationToken = default) =>
        _market.GetAppsOnAllDevicesAsync(_signer, deviceIds, cancellationToken);

    /// <summary>The devices running an app that this participant may see (all of them for the app's developer).</summary>
    public Task<IReadOnlyList<Installation>> GetDevicesRunningAsync(string appId, CancellationToken cancellationToken = default) =>
        _market.GetDevicesRunningAppAsync(_signer, appId, cancellationToken);

    /// <summary>Installations as their changes are committed (requests, installs, updates, failures, rollbacks, removals), from <paramref name="fromBlock"/> on, until cancelled.</summary>
    public async IAsyncEnumerable<Installation> WatchInstallationsAsync(long fromBlock = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LedgerEvent e in _market.WatchEventsAsync(fromBlock, cancellationToken))
        {
            if (e.Name is AppMarketEvents.InstallRequested or AppMarketEvents.UpdateRequested or AppMarketEvents.Installed or AppMarketEvents.Updated
                or AppMarketEvents.InstallFailed or AppMarketEvents.RolledBack or AppMarketEvents.Removed or AppMarketEvents.InstallRefunded
                or AppMarketEvents.DeliveryRefused or AppMarketEvents.SubscriptionRenewed)
            {
                yield return JsonSerializer.Deserialize(e.PayloadJson, AppMarketJsonContext.Default.Installation)!;
            }
        }
    }
}
