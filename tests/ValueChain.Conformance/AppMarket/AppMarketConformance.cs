using System.Security.Cryptography;
using System.Text;
using CsCheck;
using ValueChain.AppMarket;
using ValueChain.Cryptography;
using Xunit;
using static ValueChain.Conformance.AppMarket.AppMarketActors;

namespace ValueChain.Conformance.AppMarket;

/// <summary>
/// The marketplace's rules from specs/appmarket.md and issue 19 against <see cref="IAppMarketContract"/> only: every
/// rule and refusal (a version by another developer, a version that does not go up, an unsupported device type, a
/// technician of another company, an unregistered device, too little balance, a replayed or lower usage report, a
/// lapsed subscription, a refund after failure), and the properties that tokens are conserved and no usage unit is
/// paid twice. A driver's test project subclasses it.
/// </summary>
public abstract class AppMarketConformance : ApplicationConformance
{
    private const string App = "vibration-monitor";
    private const string OtherDeviceId = "other-1";

    /// <summary>Starts a ledger with the marketplace chaincode (or its twin) deployed with <paramref name="options"/>.</summary>
    protected abstract Task<AppMarketUnderTest> StartLedgerAsync(AppMarketOptions options);

    private Task<AppMarketUnderTest> StartAsync() => StartLedgerAsync(Options());

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    /// <summary>A publication of <paramref name="appId"/> at <paramref name="version"/>, its binary standing for those bytes.</summary>
    private static AppPublication Publication(string appId, string version, AppPricing pricing, params string[] deviceTypes)
    {
        byte[] binary = Encoding.UTF8.GetBytes($"binary of {appId} {version}");
        string cid = "bafkrei" + Convert.ToHexString(SHA256.HashData(binary)).ToLowerInvariant()[..40];
        return new AppPublication(appId, "Vibration monitor", AppVersion.Parse(version), pricing, deviceTypes.Length == 0 ? [DeviceType] : deviceTypes,
            new BinaryReference(cid, binary.Length, new Hash32(SHA256.HashData(binary))), [cid], []);
    }

    // Developers and companies join; each company has 10 000 tokens, approves the marketplace for 10 000 and has a technician; Company has three devices, OtherCompany one.
    private static async Task SetUpAsync(IAppMarketContract m)
    {
        await m.InviteAsync(Operator, Developer.Address, "Edge Apps Ltd", AppMarketRole.Developer);
        await m.InviteAsync(Operator, OtherDeveloper.Address, "Other Apps", AppMarketRole.Developer);
        await m.InviteAsync(Operator, Company.Address, "Stamping Plant", AppMarketRole.Company);
        await m.InviteAsync(Operator, OtherCompany.Address, "Paint Shop", AppMarketRole.Company);
        foreach (EthereumSigner company in new[] { Company, OtherCompany })
        {
            await m.MintAsync(Operator, company.Address, 10_000);
            await m.ApproveAsync(company, m.PlatformAddress, 10_000);
        }

        await m.AuthorizeTechnicianAsync(Company, CompanyTechnician.Address, "Tess");
        await m.AuthorizeTechnicianAsync(OtherCompany, OtherCompanyTechnician.Address, "Otto");
        for (int i = 0; i < DeviceIds.Count; i++)
        {
            await m.RegisterDeviceAsync(Company, DeviceIds[i], DeviceType, DeviceKeys[i].Address);
        }

        await m.RegisterDeviceAsync(OtherCompany, OtherDeviceId, DeviceType, Stranger.Address);
    }

    private static async Task<AppMarketReceipt> ReportAsync(IAppMarketContract m, int device, string version, InstallOutcome outcome, string appId = App)
    {
        ulong counter = await m.GetReportCounterAsync(DeviceIds[device]) + 1;
        SignedInstallReport report = await new InstallReport(DeviceIds[device], appId, AppVersion.Parse(version), outcome, counter).SignAsync(DeviceKeys[device], m.ReportDomain);
        return await m.ReportInstallAsync(Stranger, report);
    }

    private static async Task InstallAsync(IAppMarketContract m, int device, string appId = App)
    {
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[device], appId);
        AppRecord app = (await m.GetAppAsync(appId))!;
        await ReportAsync(m, device, app.Version.ToString(), InstallOutcome.Installed, appId);
    }

    private static Task<SignedUsageReport> UsageAsync(IAppMarketContract m, int device, ulong units, ulong counter) =>
        new UsageReport(DeviceIds[device], App, units, counter).SignAsync(DeviceKeys[device], m.ReportDomain);

    // ---- Members and apps ----

    [Fact]
    public async Task Only_admins_invite_and_only_developers_publish()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);

        Assert.Equal(AppMarketRole.Developer, (await m.GetMemberAsync(Developer.Address))!.Role);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.InviteAsync(Developer, Stranger.Address, "X", AppMarketRole.Developer)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.PublishAppAsync(Company, Publication(App, "1.0.0", AppPricing.OneTime(100)))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.PublishAppAsync(Stranger, Publication(App, "1.0.0", AppPricing.OneTime(100)))));
        Assert.Null(await m.GetAppAsync(App));
    }

    [Fact]
    public async Task Versions_only_go_up_come_from_the_apps_developer_and_stay_visible()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);

        AppMarketReceipt published = await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));
        await m.PublishAppAsync(Developer, Publication(App, "1.2.0", AppPricing.OneTime(120)));

        Assert.Contains(published.Events, e => e.Name == AppMarketEvents.AppPublished);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.PublishAppAsync(OtherDeveloper, Publication(App, "2.0.0", AppPricing.OneTime(1)))));
        Assert.Equal(AppMarketErrorCodes.VersionNotNewer, await ErrorCodeAsync(() => m.PublishAppAsync(Developer, Publication(App, "1.2.0", AppPricing.OneTime(1)))));
        Assert.Equal(AppMarketErrorCodes.VersionNotNewer, await ErrorCodeAsync(() => m.PublishAppAsync(Developer, Publication(App, "1.1.9", AppPricing.OneTime(1)))));

        AppRecord latest = (await m.GetAppAsync(App))!;
        Assert.Equal(AppVersion.Parse("1.2.0"), latest.Version);
        Assert.Equal(AppVersion.Parse("1.0.0"), latest.PreviousVersion);
        Assert.Equal(Developer.Address, latest.Developer);
        Assert.Equal(new UInt256(120), latest.Pricing.Price);
        Assert.Equal(new UInt256(100), (await m.GetAppAsync(App, AppVersion.Parse("1.0.0")))!.Pricing.Price);
        Assert.Equal(["1.0.0", "1.2.0"], (await m.GetAppVersionsAsync(App)).Select(a => a.Version.ToString()));
        Assert.Equal(Publication(App, "1.2.0", AppPricing.OneTime(120)).Binary, latest.Binary);
    }

    [Fact]
    public async Task A_malformed_publication_is_refused_naming_the_field()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        AppPublication good = Publication(App, "1.0.0", AppPricing.OneTime(100));

        async Task<string> MessageAsync(AppPublication p) => (await Assert.ThrowsAsync<ChaincodeException>(() => m.PublishAppAsync(Developer, p))).Message;

        Assert.Contains("AppId", await MessageAsync(good with { AppId = "bad id" }), StringComparison.Ordinal);
        Assert.Contains("Binary.Length", await MessageAsync(good with { Binary = good.Binary with { Length = 0 } }), StringComparison.Ordinal);
        Assert.Contains("Binary.Sha256", await MessageAsync(good with { Binary = good.Binary with { Sha256 = Hash32.Zero } }), StringComparison.Ordinal);
        Assert.Contains("DeviceTypes", await MessageAsync(good with { DeviceTypes = [] }), StringComparison.Ordinal);
        Assert.Contains("Price", await MessageAsync(good with { Pricing = AppPricing.OneTime(0) }), StringComparison.Ordinal);
        Assert.Contains("PeriodSeconds", await MessageAsync(good with { Pricing = new AppPricing(PaymentModels.Subscription, 5, 10) }), StringComparison.Ordinal);
        Assert.Equal(AppMarketErrorCodes.UnknownPaymentModel, await ErrorCodeAsync(() => m.PublishAppAsync(Developer, good with { Pricing = new AppPricing("barter", 5) })));
        Assert.Null(await m.GetAppAsync(App));
    }

    [Fact]
    public async Task Apps_are_found_by_device_type_at_their_latest_version()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100), DeviceType, "arm64"));
        await m.PublishAppAsync(Developer, Publication(App, "2.0.0", AppPricing.OneTime(100), DeviceType));
        await m.PublishAppAsync(OtherDeveloper, Publication("anomaly-ai", "0.1.0", AppPricing.PayPerUse(1), "arm64"));

        Assert.Equal([App], (await m.GetAppsByDeviceTypeAsync(DeviceType)).Select(a => a.AppId));
        Assert.Equal(["anomaly-ai"], (await m.GetAppsByDeviceTypeAsync("arm64")).Select(a => a.AppId));
        Assert.Empty(await m.GetAppsByDeviceTypeAsync("riscv"));
    }

    // ---- Devices, technicians and install requests ----

    [Fact]
    public async Task Install_requests_are_refused_for_other_companies_unregistered_devices_and_unsupported_types()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));
        await m.PublishAppAsync(Developer, Publication("arm-only", "1.0.0", AppPricing.OneTime(100), "arm64"));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RequestInstallAsync(OtherCompanyTechnician, DeviceIds[0], App)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RequestInstallAsync(Company, DeviceIds[0], App)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, "unregistered", App)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], "no-such-app")));
        Assert.Equal(AppMarketErrorCodes.UnsupportedDeviceType, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], "arm-only")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RegisterDeviceAsync(CompanyTechnician, "edge-9", DeviceType, Stranger.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.RegisterDeviceAsync(Company, DeviceIds[0], DeviceType, Stranger.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AuthorizeTechnicianAsync(OtherCompany, CompanyTechnician.Address, "Poached")));

        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Company.Address));
        Assert.Empty(await m.GetInstallationsOfDeviceAsync(Company, DeviceIds[0]));
        Assert.Equal(Company.Address, (await m.GetDeviceAsync(DeviceIds[0]))!.Company);
        Assert.Equal(Company.Address, (await m.GetTechnicianAsync(CompanyTechnician.Address))!.Company);
    }

    [Fact]
    public async Task A_revoked_technician_installs_nothing()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RevokeTechnicianAsync(OtherCompany, CompanyTechnician.Address)));
        await m.RevokeTechnicianAsync(Company, CompanyTechnician.Address);

        Assert.Null(await m.GetTechnicianAsync(CompanyTechnician.Address));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App)));
    }

    // ---- One-time purchase in escrow ----

    [Fact]
    public async Task A_one_time_price_is_held_until_the_device_reports_a_successful_install()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(300)));

        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);

        Assert.Equal(new UInt256(9_700), await m.BalanceOfAsync(Company.Address));
        Assert.Equal(new UInt256(300), await m.BalanceOfAsync(m.PlatformAddress));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address));
        Installation requested = (await m.GetInstallationAsync(CompanyTechnician, DeviceIds[0], App))!;
        Assert.Equal(InstallationStatus.Requested, requested.Status);
        Assert.False(requested.Active);
        Assert.Equal(CompanyTechnician.Address, requested.InstalledBy);
        Assert.False(await m.HasAccessAsync(DeviceIds[0], App));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App)));

        AppMarketReceipt installed = await ReportAsync(m, 0, "1.0.0", InstallOutcome.Installed);

        Assert.Contains(installed.Events, e => e.Name == AppMarketEvents.Installed);
        Assert.Equal(new UInt256(300), await m.BalanceOfAsync(Developer.Address));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(m.PlatformAddress));
        Installation active = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.True(active.Active);
        Assert.Equal(InstallationStatus.Installed, active.Status);
        Assert.NotNull(active.InstalledAt);
        Assert.True(await m.HasAccessAsync(DeviceIds[0], App));
    }

    [Fact]
    public async Task A_failed_install_refunds_the_company()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(300)));
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);

        await ReportAsync(m, 0, "1.0.0", InstallOutcome.Failed);

        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Company.Address));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(m.PlatformAddress));
        Installation failed = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.Equal(InstallationStatus.Failed, failed.Status);
        Assert.False(failed.Active);

        // It can be bought again, as a new purchase.
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);
        Assert.Equal(2, (await m.GetInstallationAsync(Company, DeviceIds[0], App))!.Purchase);
        Assert.Equal(new UInt256(9_700), await m.BalanceOfAsync(Company.Address));
    }

    [Fact]
    public async Task A_purchase_without_a_report_is_refunded_after_the_time_out_only()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(300)));
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);

        Assert.Equal(ErrorCodes.DeadlineNotReached, await ErrorCodeAsync(() => m.RefundInstallAsync(Company, DeviceIds[0], App)));
        await market.Time.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RefundInstallAsync(OtherCompany, DeviceIds[0], App)));
        await m.RefundInstallAsync(Company, DeviceIds[0], App);

        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Company.Address));
        Assert.Equal(InstallationStatus.Refunded, (await m.GetInstallationAsync(Company, DeviceIds[0], App))!.Status);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => ReportAsync(m, 0, "1.0.0", InstallOutcome.Installed)));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address));
    }

    [Fact]
    public async Task A_purchase_beyond_the_balance_or_allowance_is_refused_and_changes_nothing()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(10_001)));
        await m.PublishAppAsync(Developer, Publication("cheap", "1.0.0", AppPricing.OneTime(50)));
        await m.ApproveAsync(OtherCompany, m.PlatformAddress, 10);
        await m.PublishAppAsync(Developer, Publication("small", "1.0.0", AppPricing.OneTime(11)));

        Assert.Equal(AppMarketErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => m.RequestInstallAsync(OtherCompanyTechnician, OtherDeviceId, "small")));
        await m.ApproveAsync(Company, m.PlatformAddress, 20_000);
        Assert.Equal(AppMarketErrorCodes.InsufficientBalance, await ErrorCodeAsync(() => m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App)));

        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Company.Address));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(m.PlatformAddress));
        Assert.Null(await m.GetInstallationAsync(CompanyTechnician, DeviceIds[0], App));
        Assert.Empty(await m.GetDeviceHistoryAsync(Company, DeviceIds[0]));
    }

    // ---- Device reports ----

    [Fact]
    public async Task Install_reports_must_be_signed_by_the_device_and_never_replayed()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(300)));
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);
        var report = new InstallReport(DeviceIds[0], App, AppVersion.Parse("1.0.0"), InstallOutcome.Installed, 1);

        SignedInstallReport forged = await report.SignAsync(DeviceKeys[1], m.ReportDomain);
        Assert.Equal(ErrorCodes.InvalidSignature, await ErrorCodeAsync(() => m.ReportInstallAsync(Stranger, forged)));
        SignedInstallReport otherDomain = await report.SignAsync(DeviceKeys[0], m.ReportDomain with { ChainId = m.ReportDomain.ChainId + 1 });
        Assert.Equal(ErrorCodes.InvalidSignature, await ErrorCodeAsync(() => m.ReportInstallAsync(Stranger, otherDomain)));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address));

        SignedInstallReport signed = await report.SignAsync(DeviceKeys[0], m.ReportDomain);
        await m.ReportInstallAsync(Stranger, signed);
        Assert.Equal(1UL, await m.GetReportCounterAsync(DeviceIds[0]));

        // A replay of the same report, or any report with a counter not above the last, is refused.
        await m.PublishAppAsync(Developer, Publication(App, "1.1.0", AppPricing.OneTime(300)));
        await m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App);
        SignedInstallReport stale = await new InstallReport(DeviceIds[0], App, AppVersion.Parse("1.1.0"), InstallOutcome.Installed, 1).SignAsync(DeviceKeys[0], m.ReportDomain);
        Assert.Equal(AppMarketErrorCodes.ReportReplayed, await ErrorCodeAsync(() => m.ReportInstallAsync(Stranger, stale)));
        Assert.Equal(AppMarketErrorCodes.ReportReplayed, await ErrorCodeAsync(() => m.ReportInstallAsync(Stranger, signed)));
        Assert.Equal(AppVersion.Parse("1.0.0"), (await m.GetInstallationAsync(Company, DeviceIds[0], App))!.Version);
    }

    // ---- Updates, removal, history ----

    [Fact]
    public async Task A_remote_update_moves_to_the_new_version_and_a_downgrade_is_refused()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));
        await m.PublishAppAsync(Developer, Publication(App, "1.1.0", AppPricing.OneTime(100)));
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App, AppVersion.Parse("1.1.0"));
        await ReportAsync(m, 0, "1.1.0", InstallOutcome.Installed);

        Assert.Equal(AppMarketErrorCodes.VersionNotNewer, await ErrorCodeAsync(() => m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App, AppVersion.Parse("1.0.0"))));
        Assert.Equal(AppMarketErrorCodes.VersionNotNewer, await ErrorCodeAsync(() => m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App, AppVersion.Parse("1.1.0"))));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RequestUpdateAsync(OtherCompanyTechnician, DeviceIds[0], App)));

        await m.PublishAppAsync(Developer, Publication(App, "2.0.0", AppPricing.OneTime(100)));
        await m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App, remote: true);
        Installation updating = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.Equal(InstallationStatus.UpdateRequested, updating.Status);
        Assert.Equal(AppVersion.Parse("2.0.0"), updating.PendingVersion);
        Assert.True(updating.Active);

        AppMarketReceipt updated = await ReportAsync(m, 0, "2.0.0", InstallOutcome.Installed);

        Assert.Contains(updated.Events, e => e.Name == AppMarketEvents.Updated);
        Installation after = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.Equal(AppVersion.Parse("2.0.0"), after.Version);
        Assert.Null(after.PendingVersion);
        Assert.Equal(new UInt256(100), await m.BalanceOfAsync(Developer.Address)); // an update of a bought app costs nothing more
    }

    [Fact]
    public async Task A_rolled_back_update_keeps_the_old_version_and_the_history_says_so()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));
        await InstallAsync(m, 0);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.1", AppPricing.OneTime(100)));
        await m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App);

        AppMarketReceipt rolledBack = await ReportAsync(m, 0, "1.0.1", InstallOutcome.RolledBack);
        await m.UninstallAsync(CompanyTechnician, DeviceIds[0], App);

        Assert.Contains(rolledBack.Events, e => e.Name == AppMarketEvents.RolledBack);
        Installation removed = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.Equal(AppVersion.Parse("1.0.0"), removed.Version);
        Assert.Equal(InstallationStatus.Removed, removed.Status);
        Assert.False(removed.Active);
        IReadOnlyList<HistoryEntry> history = await m.GetDeviceHistoryAsync(CompanyTechnician, DeviceIds[0]);
        Assert.Equal(
            [HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.UpdateRequested, HistoryAction.RolledBack, HistoryAction.Removed],
            history.Select(h => h.Action));
        Assert.Equal(["1.0.0", "1.0.0", "1.0.1", "1.0.1", "1.0.0"], history.Select(h => h.Version.ToString()));
        Assert.Equal([CompanyTechnician.Address, DeviceKeys[0].Address, CompanyTechnician.Address, DeviceKeys[0].Address, CompanyTechnician.Address], history.Select(h => h.By));
        Assert.True(history[2].Remote);
        Assert.False(history[0].Remote);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.UninstallAsync(CompanyTechnician, DeviceIds[0], App)));
        Assert.False(await m.HasAccessAsync(DeviceIds[0], App));
    }

    [Fact]
    public async Task A_refused_delivery_is_recorded_and_refunds_a_held_price()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(100)));
        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RecordDeliveryRefusalAsync(OtherCompanyTechnician, DeviceIds[0], App, AppVersion.Parse("1.0.0"), "sha-256 mismatch")));
        AppMarketReceipt refused = await m.RecordDeliveryRefusalAsync(CompanyTechnician, DeviceIds[0], App, AppVersion.Parse("1.0.0"), "sha-256 mismatch");

        Assert.Contains(refused.Events, e => e.Name == AppMarketEvents.DeliveryRefused);
        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Company.Address));
        Assert.Equal(InstallationStatus.Failed, (await m.GetInstallationAsync(Company, DeviceIds[0], App))!.Status);
        HistoryEntry last = (await m.GetDeviceHistoryAsync(Company, DeviceIds[0]))[^1];
        Assert.Equal(HistoryAction.DeliveryRefused, last.Action);
        Assert.Equal("sha-256 mismatch", last.Detail);
    }

    // ---- Queries and signed reads ----

    [Fact]
    public async Task Queries_answer_what_runs_where_and_only_to_those_who_may_read()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(10)));
        await m.PublishAppAsync(Developer, Publication("logger", "1.0.0", AppPricing.OneTime(10)));
        for (int device = 0; device < 3; device++)
        {
            await InstallAsync(m, device);
        }

        await InstallAsync(m, 0, "logger");
        await InstallAsync(m, 1, "logger");
        await m.RequestInstallAsync(OtherCompanyTechnician, OtherDeviceId, App);
        SignedInstallReport otherReport = await new InstallReport(OtherDeviceId, App, AppVersion.Parse("1.0.0"), InstallOutcome.Installed, 1).SignAsync(Stranger, m.ReportDomain);
        await m.ReportInstallAsync(Stranger, otherReport);
        await m.UninstallAsync(CompanyTechnician, DeviceIds[2], App);

        Assert.Equal(["edge-1", "edge-2", OtherDeviceId], (await m.GetDevicesRunningAppAsync(Developer, App)).Select(i => i.DeviceId));
        Assert.Equal(["edge-1", "edge-2"], (await m.GetDevicesRunningAppAsync(CompanyTechnician, App)).Select(i => i.DeviceId));
        Assert.Equal([OtherDeviceId], (await m.GetDevicesRunningAppAsync(OtherCompany, App)).Select(i => i.DeviceId));
        Assert.Empty(await m.GetDevicesRunningAppAsync(Stranger, App));
        Assert.Equal(["logger", App], (await m.GetAppsOnAllDevicesAsync(CompanyTechnician, ["edge-1", "edge-2"])).Select(a => a.AppId));
        Assert.Empty(await m.GetAppsOnAllDevicesAsync(CompanyTechnician, ["edge-1", "edge-2", "edge-3"]));
        Assert.Equal(["logger", App], (await m.GetInstallationsOfDeviceAsync(Company, "edge-1")).Select(i => i.AppId));

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetInstallationsOfDeviceAsync(OtherCompanyTechnician, "edge-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetDeviceHistoryAsync(Developer, "edge-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetAppsOnAllDevicesAsync(CompanyTechnician, ["edge-1", OtherDeviceId])));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.GetInstallationAsync(OtherCompany, "edge-1", App)));
    }

    // ---- Pay-per-use ----

    [Fact]
    public async Task Usage_reports_of_many_devices_settle_in_one_transaction_and_replays_or_lower_reports_pay_nothing()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.PayPerUse(2)));
        for (int device = 0; device < 3; device++)
        {
            await InstallAsync(m, device);
        }

        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address)); // nothing up front
        SignedUsageReport first = await UsageAsync(m, 0, 100, 2);
        AppMarketReceipt batch = await m.SettleUsageAsync(Stranger, [first, await UsageAsync(m, 1, 50, 2), await UsageAsync(m, 2, 10, 2), await UsageAsync(m, 0, 130, 3)]);

        Assert.Equal([100UL, 50UL, 10UL, 30UL], batch.Settlements.Select(s => s.Units));
        Assert.All(batch.Settlements, s => Assert.Null(s.Rejection));
        Assert.Equal(new UInt256(380), await m.BalanceOfAsync(Developer.Address));
        Assert.Equal(new UInt256(10_000 - 380), await m.BalanceOfAsync(Company.Address));

        AppMarketReceipt refused = await m.SettleUsageAsync(Stranger, [
            first,                                   // replayed
            await UsageAsync(m, 0, 120, 9),          // lower than the 130 settled
            await UsageAsync(m, 1, 60, 1),           // counter below the last
            await new UsageReport(DeviceIds[1], App, 500, 7).SignAsync(DeviceKeys[2], m.ReportDomain), // signed by another device
            await new UsageReport("edge-404", App, 5, 1).SignAsync(DeviceKeys[0], m.ReportDomain),
            await UsageAsync(m, 2, 15, 3),           // fine: 5 new units
        ]);

        Assert.Equal(
            [UsageRejectionReason.Replayed, UsageRejectionReason.LowerUsage, UsageRejectionReason.Replayed, UsageRejectionReason.InvalidSignature, UsageRejectionReason.UnknownDevice, null],
            refused.Settlements.Select(s => s.Rejection));
        Assert.Contains(refused.Events, e => e.Name == AppMarketEvents.UsageRejected);
        Assert.Equal(new UInt256(390), await m.BalanceOfAsync(Developer.Address));
        Assert.Equal(130UL, (await m.GetInstallationAsync(Company, "edge-1", App))!.UsageUnits);
        Assert.Equal(3UL, await m.GetReportCounterAsync("edge-1"));
    }

    [Fact]
    public async Task Usage_the_company_cannot_pay_is_recorded_and_settles_later()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.PayPerUse(100)));
        await InstallAsync(m, 0);
        await m.ApproveAsync(Company, m.PlatformAddress, 500);

        SignedUsageReport report = await UsageAsync(m, 0, 6, 2);
        AppMarketReceipt refused = await m.SettleUsageAsync(Stranger, [report]);
        Assert.Equal(UsageRejectionReason.InsufficientFunds, Assert.Single(refused.Settlements).Rejection);
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(Developer.Address));

        await m.ApproveAsync(Company, m.PlatformAddress, 600);
        AppMarketReceipt paid = await m.SettleUsageAsync(Stranger, [report]);
        Assert.Equal(new UInt256(600), Assert.Single(paid.Settlements).Paid);
        Assert.Equal(new UInt256(600), await m.BalanceOfAsync(Developer.Address));
    }

    [Fact]
    public async Task Usage_of_an_app_not_paid_per_use_or_never_installed_pays_nothing()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(10)));
        await InstallAsync(m, 0);

        AppMarketReceipt refused = await m.SettleUsageAsync(Stranger, [await UsageAsync(m, 0, 5, 5), await UsageAsync(m, 1, 5, 5)]);

        Assert.Equal([UsageRejectionReason.NotPayPerUse, UsageRejectionReason.NotInstalled], refused.Settlements.Select(s => s.Rejection));
        Assert.Equal(new UInt256(10), await m.BalanceOfAsync(Developer.Address));
    }

    // ---- Subscription ----

    [Fact]
    public async Task A_subscription_lapses_when_unpaid_and_renewal_restores_access()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.Subscription(250, TimeSpan.FromDays(30))));

        await m.RequestInstallAsync(CompanyTechnician, DeviceIds[0], App);
        Assert.Equal(new UInt256(250), await m.BalanceOfAsync(m.PlatformAddress)); // the first period is held
        await ReportAsync(m, 0, "1.0.0", InstallOutcome.Installed);
        Assert.Equal(new UInt256(250), await m.BalanceOfAsync(Developer.Address));
        Assert.True(await m.HasAccessAsync(DeviceIds[0], App));

        await market.Time.AdvanceAsync(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        await m.PublishAppAsync(Developer, Publication(App, "1.1.0", AppPricing.Subscription(250, TimeSpan.FromDays(30))));

        Assert.False(await m.HasAccessAsync(DeviceIds[0], App));
        Assert.Equal(AppMarketErrorCodes.SubscriptionLapsed, await ErrorCodeAsync(() => m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RenewSubscriptionAsync(OtherCompany, DeviceIds[0], App)));

        await m.RenewSubscriptionAsync(Company, DeviceIds[0], App);

        Assert.True(await m.HasAccessAsync(DeviceIds[0], App));
        Assert.Equal(new UInt256(500), await m.BalanceOfAsync(Developer.Address));
        Installation renewed = (await m.GetInstallationAsync(Company, DeviceIds[0], App))!;
        Assert.True(renewed.PaidUntil > await market.Time.GetTimeAsync());
        await m.RequestUpdateAsync(CompanyTechnician, DeviceIds[0], App);
    }

    [Fact]
    public async Task Only_a_subscription_is_renewed()
    {
        await using AppMarketUnderTest market = await StartAsync();
        IAppMarketContract m = market.Market;
        await SetUpAsync(m);
        await m.PublishAppAsync(Developer, Publication(App, "1.0.0", AppPricing.OneTime(10)));
        await InstallAsync(m, 0);

        Assert.Equal(AppMarketErrorCodes.NotSubscription, await ErrorCodeAsync(() => m.RenewSubscriptionAsync(Company, DeviceIds[0], App)));
        Assert.Equal(new UInt256(9_990), await m.BalanceOfAsync(Company.Address));
    }

    // ---- Properties ----

    [Fact]
    public async Task Tokens_are_conserved_and_no_usage_unit_is_paid_twice_over_random_sequences()
    {
        // Each step: (kind, device, amount). Kinds: 0 request install, 1 report success, 2 report failure,
        // 3 usage report (possibly replayed or lower), 4 renew, 5 uninstall, 6 let time pass.
        RequireDriver();
        await Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2], Gen.Int[0, 40]).Array[4, 14].SampleAsync(async steps =>
        {
            await using AppMarketUnderTest market = await StartAsync();
            IAppMarketContract m = market.Market;
            await SetUpAsync(m);
            string[] apps = ["one-time", "per-use", "subscribed"];
            await m.PublishAppAsync(Developer, Publication(apps[0], "1.0.0", AppPricing.OneTime(70)));
            await m.PublishAppAsync(Developer, Publication(apps[1], "1.0.0", AppPricing.PayPerUse(3)));
            await m.PublishAppAsync(OtherDeveloper, Publication(apps[2], "1.0.0", AppPricing.Subscription(40, TimeSpan.FromHours(1))));
            UInt256 supply = await m.TotalSupplyAsync();
            Address[] holders = [Operator.Address, Developer.Address, OtherDeveloper.Address, Company.Address, OtherCompany.Address, m.PlatformAddress];
            var counters = new ulong[3];
            var maxUnits = new ulong[3];
            foreach ((int kind, int device, int amount) in steps)
            {
                string app = apps[amount % 3];
                string deviceId = DeviceIds[device];
                try
                {
                    switch (kind)
                    {
                        case 0:
                            await m.RequestInstallAsync(CompanyTechnician, deviceId, app);
                            break;
                        case 1 or 2:
                            counters[device]++;
                            SignedInstallReport report = await new InstallReport(deviceId, app, AppVersion.Parse("1.0.0"), kind == 1 ? InstallOutcome.Installed : InstallOutcome.Failed, counters[device]).SignAsync(DeviceKeys[device], m.ReportDomain);
                            await m.ReportInstallAsync(Stranger, report);
                            break;
                        case 3:
                            // Sometimes the counter does not go up (a replay), sometimes the units go down.
                            ulong counter = amount % 4 == 0 ? counters[device] : ++counters[device];
                            ulong units = (ulong)amount;
                            SignedUsageReport usage = await new UsageReport(deviceId, apps[1], units, counter).SignAsync(DeviceKeys[device], m.ReportDomain);
                            await m.SettleUsageAsync(Stranger, [usage]);
                            break;
                        case 4:
                            await m.RenewSubscriptionAsync(Company, deviceId, apps[2]);
                            break;
                        case 5:
                            await m.UninstallAsync(CompanyTechnician, deviceId, app);
                            break;
                        default:
                            await market.Time.AdvanceAsync(TimeSpan.FromMinutes(amount * 3));
                            break;
                    }
                }
                catch (ChaincodeException)
                {
                    // A refused step changes nothing; the invariants below still hold.
                }

                counters[device] = Math.Max(counters[device], await m.GetReportCounterAsync(deviceId));
                UInt256 held = UInt256.Zero;
                foreach (Address holder in holders)
                {
                    held += await m.BalanceOfAsync(holder);
                }

                Assert.Equal(supply, held);

                // The per-use developer income is exactly the price times the settled cumulative units of all devices.
                ulong settled = 0;
                for (int d = 0; d < 3; d++)
                {
                    ulong units = (await m.GetInstallationAsync(Company, DeviceIds[d], apps[1]))?.UsageUnits ?? 0;
                    Assert.True(units >= maxUnits[d], $"settled units of {DeviceIds[d]} went down from {maxUnits[d]} to {units}");
                    maxUnits[d] = units;
                    settled += units;
                }

                // And each successful install of the one-time app paid its price once.
                ulong installs = 0;
                for (int d = 0; d < 3; d++)
                {
                    installs += (ulong)(await m.GetDeviceHistoryAsync(Company, DeviceIds[d])).Count(h => h.AppId == apps[0] && h.Action == HistoryAction.Installed);
                }

                Assert.Equal(new UInt256((settled * 3) + (installs * 70)), await m.BalanceOfAsync(Developer.Address));
            }
        }, iter: 10, threads: 1);
    }
}
