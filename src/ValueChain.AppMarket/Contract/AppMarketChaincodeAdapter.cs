using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// <see cref="IAppMarketContract"/> over a generic <see cref="IContractGateway"/>: the embedded and Fabric drivers run
/// <see cref="AppMarketChaincode"/>, and this adapter calls it.
/// </summary>
public sealed class AppMarketChaincodeAdapter : IAppMarketContract
{
    private static readonly AppMarketJsonContext Json = AppMarketJsonContext.Default;
    private readonly IContractGateway _gateway;
    private readonly ChaincodeClient _chaincode;

    /// <summary>Creates the adapter over <paramref name="gateway"/>, for a chaincode deployed with <paramref name="chainId"/> (<see cref="AppMarketOptions.ChainId"/>).</summary>
    public AppMarketChaincodeAdapter(IContractGateway gateway, ulong chainId = 31337)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        _chaincode = new ChaincodeClient(gateway, AppMarketChaincode.ChaincodeName);
        ReportDomain = new DeviceReportDomain(chainId, AppMarketChaincode.PlatformAddress);
    }

    /// <inheritdoc />
    public DeviceReportDomain ReportDomain { get; }

    /// <inheritdoc />
    public Address PlatformAddress => AppMarketChaincode.PlatformAddress;

    /// <inheritdoc />
    public Task<AppMarketReceipt> InviteAsync(ISigner admin, Address invitee, string name, AppMarketRole role, bool grantAdmin = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "invite", new InviteArgs(invitee, name, role, grantAdmin), Json.InviteArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "approveInvitation", new AddressArgs(invitee), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RevokeAsync(ISigner admin, Address member, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "revoke", new AddressArgs(member), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketMember?> GetMemberAsync(Address address, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getMember", new AddressArgs(address), Json.AddressArgs, Json.AppMarketMember, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> MintAsync(ISigner admin, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "mint", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(sender, "transfer", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(owner, "approve", new ApproveArgs(spender, amount), Json.ApproveArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("balanceOf", new AddressArgs(owner), Json.AddressArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public async Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("allowance", new AllowanceArgs(owner, spender), Json.AllowanceArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public async Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("totalSupply", new AddressArgs(Address.Zero), Json.AddressArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public Task<AppMarketReceipt> PublishAppAsync(ISigner developer, AppPublication publication, CancellationToken cancellationToken = default) =>
        SubmitAsync(developer, "publishApp", publication, Json.AppPublication, cancellationToken);

    /// <inheritdoc />
    public Task<AppRecord?> GetAppAsync(string appId, AppVersion? version = null, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getApp", new AppArgs(appId, version), Json.AppArgs, Json.AppRecord, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppVersionsAsync(string appId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getAppVersions", new IdArgs(appId), Json.IdArgs, Json.ListAppRecord, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppsByDeviceTypeAsync(string deviceType, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getAppsByDeviceType", new IdArgs(deviceType), Json.IdArgs, Json.ListAppRecord, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<AppMarketReceipt> AuthorizeTechnicianAsync(ISigner company, Address technician, string name, CancellationToken cancellationToken = default) =>
        SubmitAsync(company, "authorizeTechnician", new TechnicianArgs(technician, name), Json.TechnicianArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RevokeTechnicianAsync(ISigner company, Address technician, CancellationToken cancellationToken = default) =>
        SubmitAsync(company, "revokeTechnician", new AddressArgs(technician), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<Technician?> GetTechnicianAsync(Address technician, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getTechnician", new AddressArgs(technician), Json.AddressArgs, Json.Technician, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RegisterDeviceAsync(ISigner company, string deviceId, string deviceType, Address deviceKey, CancellationToken cancellationToken = default) =>
        SubmitAsync(company, "registerDevice", new DeviceArgs(deviceId, deviceType, deviceKey), Json.DeviceArgs, cancellationToken);

    /// <inheritdoc />
    public Task<Device?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getDevice", new IdArgs(deviceId), Json.IdArgs, Json.Device, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RequestInstallAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(technician, "requestInstall", new InstallArgs(deviceId, appId, version, remote), Json.InstallArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RequestUpdateAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = true, CancellationToken cancellationToken = default) =>
        SubmitAsync(technician, "requestUpdate", new InstallArgs(deviceId, appId, version, remote), Json.InstallArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> UninstallAsync(ISigner technician, string deviceId, string appId, bool remote = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(technician, "uninstall", new InstallArgs(deviceId, appId, null, remote), Json.InstallArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ReportInstallAsync(ISigner relay, SignedInstallReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SubmitAsync(relay, "reportInstall", new InstallReportArgs(report.Report, report.Signature.ToString()), Json.InstallReportArgs, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AppMarketReceipt> SettleUsageAsync(ISigner relay, IReadOnlyList<SignedUsageReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return SubmitAsync(relay, "settleUsage", new SettleArgs([.. reports.Select(r => new UsageReportArgs(r.Report, r.Signature.ToString()))]), Json.SettleArgs, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AppMarketReceipt> RefundInstallAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        SubmitAsync(company, "refundInstall", new InstallationArgs(deviceId, appId), Json.InstallationArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RenewSubscriptionAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        SubmitAsync(company, "renewSubscription", new InstallationArgs(deviceId, appId), Json.InstallationArgs, cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RecordDeliveryRefusalAsync(ISigner technician, string deviceId, string appId, AppVersion version, string reason, CancellationToken cancellationToken = default) =>
        SubmitAsync(technician, "recordDeliveryRefusal", new RefusalArgs(deviceId, appId, version, reason), Json.RefusalArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> HasAccessAsync(string deviceId, string appId, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("hasAccess", new InstallationArgs(deviceId, appId), Json.InstallationArgs, Json.AccessResult, cancellationToken))!.HasAccess;

    /// <inheritdoc />
    public async Task<ulong> GetReportCounterAsync(string deviceId, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("getReportCounter", new IdArgs(deviceId), Json.IdArgs, Json.CounterResult, cancellationToken))!.Counter;

    /// <inheritdoc />
    public Task<Installation?> GetInstallationAsync(ISigner reader, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getInstallation", new InstallationArgs(deviceId, appId), Json.InstallationArgs, Json.Installation, cancellationToken, Required(reader));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Installation>> GetInstallationsOfDeviceAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getInstallationsOfDevice", new IdArgs(deviceId), Json.IdArgs, Json.ListInstallation, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Installation>> GetDevicesRunningAppAsync(ISigner reader, string appId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getDevicesRunningApp", new IdArgs(appId), Json.IdArgs, Json.ListInstallation, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppsOnAllDevicesAsync(ISigner reader, IReadOnlyList<string> deviceIds, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getAppsOnAllDevices", new IdsArgs(deviceIds), Json.IdsArgs, Json.ListAppRecord, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> GetDeviceHistoryAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getDeviceHistory", new IdArgs(deviceId), Json.IdArgs, Json.ListHistoryEntry, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        _gateway.GetEventsAsync(AppMarketChaincode.ChaincodeName, fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        _gateway.WatchEventsAsync(AppMarketChaincode.ChaincodeName, fromBlock, cancellationToken);

    private async Task<AppMarketReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(signer, function, arguments, type, cancellationToken);
        IReadOnlyList<UsageSettlement> settlements = function == "settleUsage" && receipt.ResultJson is { } result
            ? JsonSerializer.Deserialize(result, Json.SettleResult)!.Settlements
            : [];
        return new AppMarketReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events, settlements);
    }

    private Task<TResult?> EvaluateAsync<TArgs, TResult>(string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken, ISigner? reader = null) =>
        _chaincode.EvaluateAsync(reader, function, arguments, argumentType, resultType, cancellationToken);

    private static ISigner Required(ISigner reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader;
    }
}
