using ValueChain.AppMarket.Ethereum.Contracts;
using LedgerEvent = ValueChain.Ledger.LedgerEvent;
using ValueChain.Ledger.Ethereum;
using OnChain = ValueChain.AppMarket.Ethereum.Contracts.AppMarket;

namespace ValueChain.AppMarket.Ethereum;

/// <summary>
/// <see cref="IAppMarketContract"/> over the marketplace's Solidity contracts (AppMarketMembers, AppCatalog,
/// AppMarketToken, AppMarket) through their generated bindings. Each call is a transaction of the signer it names;
/// refusals arrive as <see cref="ChaincodeException"/>s with the chaincode's codes, and a usage settlement's per-report
/// results come back in the receipt as there. Events carry the chaincode's names and payloads under
/// <see cref="AppMarketChaincode.ChaincodeName"/> for the marketplace's own records (apps, devices, technicians,
/// installations, usage); membership, escrow and token logs are not translated. What a log leaves out is taken by the
/// rule of <see cref="ApplicationAdapter"/>: app versions and devices never change once written and are read at the
/// latest state; a technician's authorisation takes its name from its input (the record it wrote changes later: a
/// revocation deletes it, a new authorisation by another company replaces it), or, made through another contract, reads
/// the record at the log's block, which fails with <see cref="StateUnavailableException"/> on a node that no longer
/// holds that block's state. On Ethereum all state is public to
/// node operators: the signed reads only select what an honest client shows.
/// </summary>
public sealed class AppMarketEthereumAdapter : ApplicationAdapter, IAppMarketContract
{
    // The members' authorizeTechnician(account, name), whose input holds an authorisation's name.
    private static readonly AbiFunction AuthorizeTechnician = new("authorizeTechnician", [AbiType.Parse("address"), AbiType.Parse("string")], []);

    private readonly AppMarketContracts _contracts;

    /// <summary>Binds the marketplace deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public AppMarketEthereumAdapter(SignerClients clients, AppMarketContracts contracts)
        : base(clients, AppMarketChaincode.ChaincodeName, 0)
    {
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        ReportDomain = new DeviceReportDomain(clients.Reader.Options.ChainId, contracts.Market);
    }

    /// <summary>The contracts this adapter binds.</summary>
    public AppMarketContracts Contracts => _contracts;

    /// <inheritdoc />
    public DeviceReportDomain ReportDomain { get; }

    /// <inheritdoc />
    public Address PlatformAddress => _contracts.Market;

    // ---- Members and token ----

    /// <inheritdoc />
    public Task<AppMarketReceipt> InviteAsync(ISigner admin, Address invitee, string name, AppMarketRole role, bool grantAdmin = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).InviteAsync(invitee, name ?? "", (byte)role, grantAdmin, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).ApproveInvitationAsync(invitee, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RevokeAsync(ISigner admin, Address member, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).RevokeAsync(member, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<AppMarketMember?> GetMemberAsync(Address address, CancellationToken cancellationToken = default)
    {
        AppMarketMembers.Member m = await Members(null).MemberAsync(address, cancellationToken).ConfigureAwait(false);
        return m.Account == Address.Zero
            ? null
            : new AppMarketMember(m.Account, m.Name, (AppMarketRole)m.Role, m.IsAdmin, Time(m.JoinedAt), m.RevokedAt == 0 ? null : Time(m.RevokedAt));
    }

    /// <inheritdoc />
    public Task<AppMarketReceipt> MintAsync(ISigner admin, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(admin).MintAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(sender).TransferAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(owner).ApproveAsync(spender, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) => Token(null).BalanceOfAsync(owner, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) => Token(null).AllowanceAsync(owner, spender, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) => Token(null).TotalSupplyAsync(cancellationToken);

    // ---- Apps ----

    /// <inheritdoc />
    public Task<AppMarketReceipt> PublishAppAsync(ISigner developer, AppPublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var p = new AppCatalog.Publication(
            publication.AppId ?? "", publication.Name ?? "", publication.Version.Packed, ModelNumber(publication.Pricing?.Model), publication.Pricing?.Price ?? UInt256.Zero,
            (ulong)Math.Max(0, publication.Pricing?.PeriodSeconds ?? 0), publication.DeviceTypes ?? [], publication.Binary?.Cid ?? "", (ulong)Math.Max(0, publication.Binary?.Length ?? 0),
            publication.Binary?.Sha256 ?? Hash32.Zero, publication.Icons ?? [], publication.Screenshots ?? []);
        return SubmitAsync(() => Catalog(developer).PublishAppAsync(p, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AppRecord?> GetAppAsync(string appId, AppVersion? version = null, CancellationToken cancellationToken = default)
    {
        AppCatalog.AppRecord r = await Catalog(null).AppAsync(appId ?? "", version?.Packed ?? 0, cancellationToken).ConfigureAwait(false);
        return r.Version == 0 ? null : AppOf(r);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppVersionsAsync(string appId, CancellationToken cancellationToken = default) =>
        [.. (await Catalog(null).AppVersionsAsync(appId ?? "", cancellationToken).ConfigureAwait(false)).Select(AppOf)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppsByDeviceTypeAsync(string deviceType, CancellationToken cancellationToken = default) =>
        [.. (await Catalog(null).AppsByDeviceTypeAsync(deviceType ?? "", cancellationToken).ConfigureAwait(false)).Select(AppOf).OrderBy(a => a.AppId, StringComparer.Ordinal)];

    // ---- Companies ----

    /// <inheritdoc />
    public Task<AppMarketReceipt> AuthorizeTechnicianAsync(ISigner company, Address technician, string name, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(company).AuthorizeTechnicianAsync(technician, name ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RevokeTechnicianAsync(ISigner company, Address technician, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(company).RevokeTechnicianAsync(technician, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<Technician?> GetTechnicianAsync(Address technician, CancellationToken cancellationToken = default) =>
        TechnicianAsync(technician, null, cancellationToken);

    // A technician as of the state after atBlock (null: the latest).
    private async Task<Technician?> TechnicianAsync(Address technician, ulong? atBlock, CancellationToken cancellationToken)
    {
        AppMarketMembers.Technician t = await Members(null).TechnicianAsync(technician, atBlock, cancellationToken).ConfigureAwait(false);
        return t.Account == Address.Zero ? null : new Technician(t.Account, t.Company, t.Name, Time(t.AuthorisedAt));
    }

    /// <inheritdoc />
    public Task<AppMarketReceipt> RegisterDeviceAsync(ISigner company, string deviceId, string deviceType, Address deviceKey, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(company).RegisterDeviceAsync(deviceId ?? "", deviceType ?? "", deviceKey, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<Device?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        AppMarketMembers.Device d = await Members(null).DeviceAsync(deviceId ?? "", cancellationToken).ConfigureAwait(false);
        return d.Company == Address.Zero ? null : new Device(d.DeviceId, d.DeviceType, d.Key, d.Company, Time(d.RegisteredAt));
    }

    // ---- Installations ----

    /// <inheritdoc />
    public Task<AppMarketReceipt> RequestInstallAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(technician).RequestInstallAsync(deviceId ?? "", appId ?? "", version?.Packed ?? 0, remote, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RequestUpdateAsync(ISigner technician, string deviceId, string appId, AppVersion? version = null, bool remote = true, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(technician).RequestUpdateAsync(deviceId ?? "", appId ?? "", version?.Packed ?? 0, remote, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> UninstallAsync(ISigner technician, string deviceId, string appId, bool remote = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(technician).UninstallAsync(deviceId ?? "", appId ?? "", 0, remote, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> ReportInstallAsync(ISigner relay, SignedInstallReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        InstallReport r = report.Report;
        var onChain = new OnChain.InstallReport(r.DeviceId ?? "", r.AppId ?? "", r.Version.Packed, (byte)r.Outcome, r.Counter);
        return SubmitAsync(() => Market(relay).ReportInstallAsync(onChain, report.Signature.ToBytes(), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AppMarketReceipt> SettleUsageAsync(ISigner relay, IReadOnlyList<SignedUsageReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        OnChain.SignedUsage[] batch = [.. reports.Select(r => new OnChain.SignedUsage(new OnChain.UsageReport(r.Report.DeviceId ?? "", r.Report.AppId ?? "", r.Report.Units, r.Report.Counter), r.Signature.ToBytes()))];
        SentTransaction sent = await SendAsync(() => Market(relay).SettleUsageAsync(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
        var settlements = new List<UsageSettlement>();
        foreach (EthereumLog log in sent.Receipt.Logs.Where(l => l.Address == _contracts.Market))
        {
            if (SettlementOf(log) is { } settlement)
            {
                settlements.Add(settlement);
            }
        }

        return new AppMarketReceipt(sent.TransactionId, sent.BlockNumber, sent.Events, settlements);
    }

    /// <inheritdoc />
    public Task<AppMarketReceipt> RefundInstallAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(company).RefundInstallAsync(deviceId ?? "", appId ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RenewSubscriptionAsync(ISigner company, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(company).RenewSubscriptionAsync(deviceId ?? "", appId ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<AppMarketReceipt> RecordDeliveryRefusalAsync(ISigner technician, string deviceId, string appId, AppVersion version, string reason, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Market(technician).RecordDeliveryRefusalAsync(deviceId ?? "", appId ?? "", version.Packed, reason ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> HasAccessAsync(string deviceId, string appId, CancellationToken cancellationToken = default) =>
        Market(null).HasAccessAsync(deviceId ?? "", appId ?? "", cancellationToken);

    /// <inheritdoc />
    public Task<ulong> GetReportCounterAsync(string deviceId, CancellationToken cancellationToken = default) => Market(null).ReportCounterAsync(deviceId ?? "", cancellationToken);

    // ---- Signed reads (on Ethereum the reader's address only selects what an honest client shows) ----

    /// <inheritdoc />
    public async Task<Installation?> GetInstallationAsync(ISigner reader, string deviceId, string appId, CancellationToken cancellationToken = default) =>
        (await GetInstallationsOfDeviceAsync(reader, deviceId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => i.AppId == appId);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Installation>> GetInstallationsOfDeviceAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Market(null).InstallationsOfAsync(ReaderOf(reader), deviceId ?? "", cancellationToken)).ConfigureAwait(false))
            .Select(InstallationOf).OrderBy(i => i.AppId, StringComparer.Ordinal)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Installation>> GetDevicesRunningAppAsync(ISigner reader, string appId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Market(null).DevicesRunningAsync(ReaderOf(reader), appId ?? "", cancellationToken)).ConfigureAwait(false))
            .Select(InstallationOf).OrderBy(i => i.DeviceId, StringComparer.Ordinal)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppRecord>> GetAppsOnAllDevicesAsync(ISigner reader, IReadOnlyList<string> deviceIds, CancellationToken cancellationToken = default)
    {
        if (deviceIds is null || deviceIds.Count is 0 or > 100)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Ids must name 1 to 100 devices, not {deviceIds?.Count ?? 0}.");
        }

        // The chaincode's rule over the contract's signed read of each device: the apps active on every one.
        SortedSet<string>? common = null;
        foreach (string deviceId in deviceIds)
        {
            IEnumerable<string> active = (await GetInstallationsOfDeviceAsync(reader, deviceId, cancellationToken).ConfigureAwait(false)).Where(i => i.Active).Select(i => i.AppId);
            if (common is null)
            {
                common = new SortedSet<string>(active, StringComparer.Ordinal);
            }
            else
            {
                common.IntersectWith(active);
            }
        }

        var apps = new List<AppRecord>();
        foreach (string appId in common!)
        {
            apps.Add((await GetAppAsync(appId, null, cancellationToken).ConfigureAwait(false))!);
        }

        return apps;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> GetDeviceHistoryAsync(ISigner reader, string deviceId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(() => Market(null).HistoryOfAsync(ReaderOf(reader), deviceId ?? "", cancellationToken)).ConfigureAwait(false))
            .Select(h => new HistoryEntry(deviceId!, h.AppId, (HistoryAction)h.Action, AppVersion.FromPacked(h.Version), h.By, Time(h.Time), default, h.Remote, h.Detail.Length == 0 ? null : h.Detail))];

    /// <inheritdoc />
    public new Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        base.GetEventsAsync(fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    public new IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        base.WatchEventsAsync(fromBlock, cancellationToken);

    /// <inheritdoc />
    protected override bool EmittedByApplication(Address emitter) =>
        emitter == _contracts.Market || emitter == _contracts.Catalog || emitter == _contracts.Members || emitter == _contracts.Token;

    /// <inheritdoc />
    protected override async Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (OnChain.InstallationChangedEvent.TryDecode(log, out OnChain.InstallationChangedEvent? changed))
        {
            return new(AppMarketEventPayloads.EventOf((HistoryAction)changed.Action), AppMarketEventPayloads.Installation(InstallationOf(changed.Installation)));
        }

        if (SettlementOf(log) is { } settlement)
        {
            return new(settlement.Rejection is null ? AppMarketEvents.UsageSettled : AppMarketEvents.UsageRejected, AppMarketEventPayloads.Usage(settlement));
        }

        // App versions and devices never change once written: the latest state is their state then, on any node.
        if (AppCatalog.AppPublishedEvent.TryDecode(log, out AppCatalog.AppPublishedEvent? published))
        {
            AppRecord app = (await GetAppAsync(published.AppId, AppVersion.FromPacked(published.Version), cancellationToken).ConfigureAwait(false))!;
            return new(AppMarketEvents.AppPublished, AppMarketEventPayloads.App(app));
        }

        if (AppMarketMembers.DeviceRegisteredEvent.TryDecode(log, out AppMarketMembers.DeviceRegisteredEvent? registered))
        {
            return new(AppMarketEvents.DeviceRegistered, AppMarketEventPayloads.Device((await GetDeviceAsync(registered.DeviceId, cancellationToken).ConfigureAwait(false))!));
        }

        if (AppMarketMembers.TechnicianRevokedEvent.TryDecode(log, out AppMarketMembers.TechnicianRevokedEvent? revoked))
        {
            return new(AppMarketEvents.TechnicianRevoked, AppMarketEventPayloads.Technician(new Technician(revoked.Technician, revoked.Company, revoked.Name, Time(revoked.AuthorisedAt))));
        }

        return AppMarketMembers.TechnicianAuthorizedEvent.TryDecode(log, out AppMarketMembers.TechnicianAuthorizedEvent? authorized)
            && await AuthorisationAsync(log, authorized, cancellationToken).ConfigureAwait(false) is { } technician
            ? new(AppMarketEvents.TechnicianAuthorized, AppMarketEventPayloads.Technician(technician))
            : null;
    }

    // The technician as authorised: the name from the authorisation's input, the company from the log, the time the
    // block's. An authorisation through another contract leaves no input of its own: then the record as of the log's
    // block, since a revocation deletes it and a new authorisation replaces it.
    private async Task<Technician?> AuthorisationAsync(EthereumLog log, AppMarketMembers.TechnicianAuthorizedEvent authorized, CancellationToken cancellationToken)
    {
        if (await DirectCallArgumentsAsync(log, AuthorizeTechnician, cancellationToken).ConfigureAwait(false) is { } call)
        {
            return new Technician(authorized.Technician, authorized.Company, (string)call[1], await BlockTimeAsync(log.BlockNumber, cancellationToken).ConfigureAwait(false));
        }

        return await TechnicianAsync(authorized.Technician, log.BlockNumber, cancellationToken).ConfigureAwait(false);
    }

    private static UsageSettlement? SettlementOf(EthereumLog log)
    {
        if (OnChain.UsageSettledEvent.TryDecode(log, out OnChain.UsageSettledEvent? paid))
        {
            return new UsageSettlement(paid.DeviceId, paid.AppId, paid.Counter, paid.Units, paid.Paid, null);
        }

        return OnChain.UsageRejectedEvent.TryDecode(log, out OnChain.UsageRejectedEvent? rejected)
            ? new UsageSettlement(rejected.DeviceId, rejected.AppId, rejected.Counter, 0, UInt256.Zero, (UsageRejectionReason)rejected.Reason)
            : null;
    }

    private static AppRecord AppOf(AppCatalog.AppRecord r) => new(
        r.AppId, r.Name, AppVersion.FromPacked(r.Version), r.Developer, Time(r.ReleasedAt), new AppPricing(ModelName(r.Model), r.Price, (long)r.PeriodSeconds),
        [.. r.DeviceTypes], new BinaryReference(r.Cid, (long)r.Length, r.Sha256), [.. r.Icons], [.. r.Screenshots], r.PreviousVersion == 0 ? null : AppVersion.FromPacked(r.PreviousVersion));

    private static Installation InstallationOf(OnChain.Installation i) => new(
        i.DeviceId, i.AppId, i.Company, i.Developer, AppVersion.FromPacked(i.Version), i.PendingVersion == 0 ? null : AppVersion.FromPacked(i.PendingVersion),
        (InstallationStatus)i.Status, i.Active, Time(i.PurchasedAt), i.InstalledAt == 0 ? null : Time(i.InstalledAt), i.InstalledBy, (int)i.Purchase,
        new AppPricing(ModelName(i.Model), i.Price, (long)i.PeriodSeconds), i.PaidUntil == 0 ? null : Time(i.PaidUntil), i.UsageUnits);

    // The Solidity twin has the three built-in models, numbered 1 to 3; any other name is 0, which it refuses as unknown.
    private static byte ModelNumber(string? model) => model switch
    {
        PaymentModels.OneTime => 1,
        PaymentModels.PayPerUse => 2,
        PaymentModels.Subscription => 3,
        _ => 0,
    };

    private static string ModelName(byte model) => model switch
    {
        1 => PaymentModels.OneTime,
        2 => PaymentModels.PayPerUse,
        3 => PaymentModels.Subscription,
        _ => "",
    };

    private static DateTimeOffset Time(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds);

    private static Address ReaderOf(ISigner reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Address;
    }

    private async Task<AppMarketReceipt> SubmitAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        return new AppMarketReceipt(sent.TransactionId, sent.BlockNumber, sent.Events, []);
    }

    private AppMarketMembers Members(ISigner? signer) => new(Client(signer), _contracts.Members);

    private AppCatalog Catalog(ISigner? signer) => new(Client(signer), _contracts.Catalog);

    private AppMarketToken Token(ISigner? signer) => new(Client(signer), _contracts.Token);

    private OnChain Market(ISigner? signer) => new(Client(signer), _contracts.Market);
}
