using System.Security.Cryptography;
using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.AppMarket.Tests;

public sealed class DeviceAgentTests : IDisposable
{
    private static readonly EthereumSigner Key = new(PrivateKey.FromBytes(Keccak256.Hash("agent test device"u8).ToArray()));
    private static readonly DeviceReportDomain Domain = new(31337, Address.Parse("0x00000000000000000000000000000000000000aa"));
    private readonly string _folder = Directory.CreateTempSubdirectory("agent-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (AppRecord App, byte[] Binary) App(string version)
    {
        byte[] binary = Encoding.UTF8.GetBytes("app " + version);
        var reference = new BinaryReference("bafkreitest", binary.Length, new Hash32(SHA256.HashData(binary)));
        return (new AppRecord("monitor", "Monitor", AppVersion.Parse(version), Address.Zero, DateTimeOffset.UnixEpoch, AppPricing.OneTime(1), ["plc"], reference, [], [], null), binary);
    }

    private DeviceAgent Agent(Func<string, AppRecord, CancellationToken, Task<bool>>? health = null) => new("press-1", Key, Domain, _folder, health);

    [Fact]
    public async Task An_install_is_verified_staged_committed_and_reported_with_a_signed_rising_counter()
    {
        using DeviceAgent agent = Agent();
        (AppRecord app, byte[] binary) = App("1.0.0");

        SignedInstallReport report = await agent.HandleAsync(new DeliveryOrder("press-1", app), binary, TestContext.Current.CancellationToken);

        Assert.Equal(InstallOutcome.Installed, report.Report.Outcome);
        Assert.Equal(1UL, report.Report.Counter);
        Assert.Equal(Key.Address, Secp256k1.RecoverAddress(report.Report.Digest(Domain), report.Signature, RecoveryMode.Precompile));
        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(agent.CurrentDirectory("monitor")!, "app.bin"), TestContext.Current.CancellationToken));
        Assert.Equal(2UL, (await agent.ReportUsageAsync("monitor", 5, TestContext.Current.CancellationToken)).Report.Counter);
    }

    [Fact]
    public async Task A_binary_altered_in_transit_is_refused_and_nothing_changes()
    {
        using DeviceAgent agent = Agent();
        (AppRecord app, byte[] binary) = App("1.0.0");
        binary[0] ^= 1;

        SignedInstallReport report = await agent.HandleAsync(new DeliveryOrder("press-1", app), binary, TestContext.Current.CancellationToken);

        Assert.Equal(InstallOutcome.Failed, report.Report.Outcome);
        Assert.Null(agent.Running("monitor"));
    }

    [Fact]
    public async Task A_record_older_than_or_equal_to_the_running_one_is_refused()
    {
        using DeviceAgent agent = Agent();
        (AppRecord v2, byte[] b2) = App("2.0.0");
        (AppRecord v1, byte[] b1) = App("1.0.0");
        await agent.HandleAsync(new DeliveryOrder("press-1", v2), b2, TestContext.Current.CancellationToken);

        Assert.Equal(InstallOutcome.Failed, (await agent.HandleAsync(new DeliveryOrder("press-1", v1), b1, TestContext.Current.CancellationToken)).Report.Outcome);
        Assert.Equal(InstallOutcome.Failed, (await agent.HandleAsync(new DeliveryOrder("press-1", v2), b2, TestContext.Current.CancellationToken)).Report.Outcome);
        Assert.Equal(AppVersion.Parse("2.0.0"), agent.Running("monitor"));
    }

    [Fact]
    public async Task A_failed_health_check_rolls_back_to_the_running_version()
    {
        using DeviceAgent agent = Agent((_, app, _) => Task.FromResult(app.Version.Major < 2));
        (AppRecord v1, byte[] b1) = App("1.0.0");
        (AppRecord v2, byte[] b2) = App("2.0.0");
        await agent.HandleAsync(new DeliveryOrder("press-1", v1), b1, TestContext.Current.CancellationToken);

        SignedInstallReport report = await agent.HandleAsync(new DeliveryOrder("press-1", v2), b2, TestContext.Current.CancellationToken);

        Assert.Equal(InstallOutcome.RolledBack, report.Report.Outcome);
        Assert.Equal(AppVersion.Parse("1.0.0"), agent.Running("monitor"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "staging", "monitor")));
    }

    [Fact]
    public async Task A_restarted_agent_never_reuses_a_counter_or_forgets_what_it_runs()
    {
        (AppRecord app, byte[] binary) = App("1.0.0");
        using (DeviceAgent first = Agent())
        {
            await first.HandleAsync(new DeliveryOrder("press-1", app), binary, TestContext.Current.CancellationToken);
        }

        using DeviceAgent restarted = Agent();

        Assert.Equal(AppVersion.Parse("1.0.0"), restarted.Running("monitor"));
        Assert.Equal(2UL, (await restarted.ReportUsageAsync("monitor", 1, TestContext.Current.CancellationToken)).Report.Counter);
        Assert.Throws<ArgumentException>(() => restarted.HandleAsync(new DeliveryOrder("press-2", app), binary).GetAwaiter().GetResult());
    }
}
