using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// The on-ledger operations of the app marketplace. Invalid calls (not a member, wrong role, another company's
/// technician, an unregistered device, an unsupported device type, a version that does not go up, too little balance
/// or allowance, malformed input) throw a <see cref="ChaincodeException"/> with a stable code and change nothing.
/// Usage reports that fail a check are not errors: they pay nothing and are recorded (<see cref="AppMarketReceipt.Settlements"/>).
/// Reads of installations and histories are signed: only the device's company and its technicians read them
/// (on Ethereum all state is public to node operators).
/// </summary>
public interface IAppMarketContract
{
    /// <summary>The EIP-712 domain devices sign their install and usage reports in.</summary>
    DeviceReportDomain ReportDomain { get; }

    /// <summary>The marketplace's account, which companies approve once as the spender of their tokens (escrow and usage payments).</summary>
    Address PlatformAddress { get; }

    /// <summary>Invites a developer, company or operator (admins only); with one required approval it joins at once.</summary>
    Task<AppMarketReceipt> InviteAsync(ISigner admin, Address invitee, string name, AppMarketRole role, bool grantAdmin = false, CancellationToken cancellationToken = default);

    /// <summary>Approves an invitation (admins only).</summary>
    Task<AppMarketReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default);

    /// <summary>Revokes a member (admins only; not itself).</summary>
    Task<AppMarketReceipt> RevokeAsync(ISigner admin, Address member, CancellationToken cancellationToken = default);

    /// <summary>A member (active or revoked), or null.</summary>
    Task<AppMarketMember?> GetMemberAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>Creates tokens (admins only).</summary>
    Task<AppMarketReceipt> MintAsync(ISigner admin, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 transfer from the caller (members only).</summary>
    Task<AppMarketReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 approve (members only); companies approve <see cref="PlatformAddress"/> to pay for apps.</summary>
    Task<AppMarketReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>A token balance.</summary>
    Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="spender"/> may still move of <paramref name="owner"/>'s tokens.</summary>
    Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default);

    /// <summary>All tokens in existence.</summary>
    Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default);

    /// <summary>Publishes a version of an app (developers; the app's own developer after its first version; versions only go up).</summary>
    Task<AppMarketReceipt> PublishAppAsync(ISigner developer, AppPublication publication, CancellationToken cancellationToken = default);

    /// <summary>A version of an app (the latest when <paramref name="version"/> is null), or null.</summary>
    Task<AppRecord?> GetAppAsync(string appId, AppVersion? version = null, CancellationToken cancellationToken = default);

    /// <summary>Every published version of an app, oldest first.</summary>
    Task<IReadOnlyList<AppRecord>> GetAppVersionsAsync(string appId, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every app that runs on <paramref name="deviceType"/>, by app id.</summary>
    Task<IReadOnlyList<AppRecord>> GetAppsByDeviceTypeAsync(string deviceType, CancellationToken cancellationToken = default);

    /// <summary>Authorises a technician for the calling company (companies only; a technician works for one company).</summary>
    Task<AppMarketReceipt> AuthorizeTechnicianAsync(ISigner company, Address technician, string name, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a technician's authorisation (its company only).</summary>
    Task<AppMarketReceipt> RevokeTechnicianAsync(ISigner company, Address technician, CancellationToken cancellationToken = default);

    /// <summary>A technician, or null.</summary>
    Task<Technician?> GetTechnicianAsync(Address technician, CancellationToken cancellationToken = default);

    /// <summary>Registers a device of the calling company with its type and the address of its key (companies only).</summary>
    Task<AppMarketReceipt> RegisterDeviceAsync(ISigner company, string deviceId, string deviceType, Address deviceKey, CancellationToken cancellationToken = default);

    /// <summary>A device, or null.</summary>
    Task<Device?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A technician of the device's company requests an install of <paramref name="version"/> (the latest when null),
    /// on site or remotely: the company pays or the price is held as the app's payment model says.
    /// </summary>
    Task<AppMarketReceipt> RequestInstallAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = false, CancellationToken cancellationToken = default);

    /// <summary>A technician requests an update of an installed app to a later <paramref name="version"/> (the latest when null).</summary>
    Task<AppMarketReceipt> RequestUpdateAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = true, CancellationToken cancellationToken = default);

    /// <summary>A technician removes an installed app; the installation stays on record, inactive.</summary>
    Task<AppMarketReceipt> UninstallAsync(ISigner technician, string deviceId, string appId, bool remote = false, CancellationToken cancellationToken = default);

    /// <summary>Relays a device's signed install report (anyone may; the IoT manager does).</summary>
    Task<AppMarketReceipt> ReportInstallAsync(ISigner relay, SignedInstallReport report, CancellationToken cancellationToken = default);

    /// <summary>Settles many devices' signed usage reports in one transaction (anyone may relay); see <see cref="AppMarketReceipt.Settlements"/>.</summary>
    Task<AppMarketReceipt> SettleUsageAsync(ISigner relay, IReadOnlyList<SignedUsageReport> reports, CancellationToken cancellationToken = default);

    /// <summary>The company takes a held price back when the install did not report within the time-out.</summary>
    Task<AppMarketReceipt> RefundInstallAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default);

    /// <summary>The company pays a subscription's next period.</summary>
    Task<AppMarketReceipt> RenewSubscriptionAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default);

    /// <summary>The IoT manager (a technician of the device's company) records that it refused a binary that did not match the app record.</summary>
    Task<AppMarketReceipt> RecordDeliveryRefusalAsync(ISigner technician, string deviceId, string appId, AppVersion version, string reason, CancellationToken cancellationToken = default);

    /// <summary>Whether the app is active on the device and paid up at the current ledger time.</summary>
    Task<bool> HasAccessAsync(string deviceId, string appId, CancellationToken cancellationToken = default);

    /// <summary>The highest report counter of the device the ledger accepted (0 before its first report).</summary>
    Task<ulong> GetReportCounterAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>The installation of an app on a device, or null (signed read: the device's company or its technicians).</summary>
    Task<Installation?> GetInstallationAsync(ISigner reader, string deviceId, string appId, CancellationToken cancellationToken = default);

    /// <summary>Every installation of a device, active or not, by app id (signed read).</summary>
    Task<IReadOnlyList<Installation>> GetInstallationsOfDeviceAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>The active installations of an app, by device id: all for its developer, the reader's company's otherwise (signed read).</summary>
    Task<IReadOnlyList<Installation>> GetDevicesRunningAppAsync(ISigner reader, string appId, CancellationToken cancellationToken = default);

    /// <summary>The apps active on every one of <paramref name="deviceIds"/> (1 to 100), at their latest version (signed read).</summary>
    Task<IReadOnlyList<AppRecord>> GetAppsOnAllDevicesAsync(ISigner reader, IReadOnlyList<string> deviceIds, CancellationToken cancellationToken = default);

    /// <summary>The device's history, oldest first: every install, update, failure, rollback and removal with who did it (signed read).</summary>
    Task<IReadOnlyList<HistoryEntry>> GetDeviceHistoryAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>The marketplace's events in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>.</summary>
    Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default);

    /// <summary>The marketplace's events from <paramref name="fromBlock"/> on, as they are committed, until cancelled.</summary>
    IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default);
}
