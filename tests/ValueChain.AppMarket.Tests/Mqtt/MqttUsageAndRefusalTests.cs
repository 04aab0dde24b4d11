using System.Diagnostics;

namespace ValueChain.AppMarket.Tests.Mqtt;

// Usage reports over MQTT (signed by the device, collected by the manager, settled in batches) and the agent's own
// refusals of what the ledger does not hold, over a real Mosquitto.
public sealed class MqttUsageAndRefusalTests
{
    private const string App = "vibration-monitor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Devices_send_signed_usage_over_mqtt_the_manager_settles_it_in_batches_and_no_unit_is_paid_twice()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(3_000, 7), Ct);
        await Task.WhenAll(m.DeviceIds.Select(id => m.Iot.InstallAsync(id, App, cancellationToken: Ct)));
        var batcher = new UsageBatcher();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task collecting = batcher.CollectAsync(m.Channel.UsageReports, stop.Token);

        SignedUsageReport first = await m.Hosts["press-1"].ReportUsageAsync(App, 10, Ct);
        await m.Hosts["press-1"].ReportUsageAsync(App, 25, Ct);
        await m.Hosts["press-2"].ReportUsageAsync(App, 7, Ct);
        foreach (ulong units in new ulong[] { 4, 9, 30 })
        {
            await m.Hosts["press-3"].ReportUsageAsync(App, units, Ct);
        }

        await WaitUntilAsync(() => batcher.Received == 6);
        IReadOnlyList<AppMarketReceipt> receipts = await batcher.SettleAsync(m.Market, MqttMarket.Technician, batchSize: 2, Ct);

        Assert.Equal(2, receipts.Count);
        Assert.All(receipts.SelectMany(r => r.Settlements), s => Assert.Null(s.Rejection));
        Assert.Equal(new UInt256((25 + 7 + 30) * 3), await m.Market.BalanceOfAsync(MqttMarket.Developer.Address, Ct));
        Assert.Equal(25UL, (await m.Market.GetInstallationAsync(MqttMarket.Company, "press-1", App, Ct))!.UsageUnits);
        Assert.Equal(0, batcher.Pending);

        // The first report again (a replay) and a lower total with a fresh counter pay nothing.
        AppMarketReceipt replay = await m.Market.SettleUsageAsync(MqttMarket.Technician, [first], Ct);
        await m.Hosts["press-1"].ReportUsageAsync(App, 20, Ct);
        await WaitUntilAsync(() => batcher.Received == 7);
        IReadOnlyList<AppMarketReceipt> lower = await batcher.SettleAsync(m.Market, MqttMarket.Technician, batchSize: 2, Ct);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting);

        Assert.Equal(UsageRejectionReason.Replayed, Assert.Single(replay.Settlements).Rejection);
        Assert.Equal(UsageRejectionReason.LowerUsage, Assert.Single(Assert.Single(lower).Settlements).Rejection);
        Assert.Equal(new UInt256((25 + 7 + 30) * 3), await m.Market.BalanceOfAsync(MqttMarket.Developer.Address, Ct));
    }

    [Fact]
    public async Task The_agent_refuses_a_downgrade_and_app_records_the_ledger_does_not_hold_even_when_the_binary_matches_them()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        byte[] v1 = MqttMarket.Binary(4_000, 8), v2 = MqttMarket.Binary(4_100, 9), forged = MqttMarket.Binary(4_200, 10);
        AppRecord first = await m.PublishAsync("1.0.0", v1, Ct);
        await m.Iot.InstallAsync("press-1", App, cancellationToken: Ct);
        AppRecord second = await m.PublishAsync("1.1.0", v2, Ct);
        await m.Iot.UpdateAsync("press-1", App, cancellationToken: Ct);
        BinaryReference forgedBinary = await m.Warehouse.UploadAsync(new MemoryStream(forged), Ct);

        // Sent straight down the manager's channel: what a compromised manager could send. Each binary matches its record.
        SignedInstallReport downgrade = await m.Channel.DeliverAsync(new DeliveryOrder("press-1", first), v1, Ct);
        SignedInstallReport unknownVersion = await m.Channel.DeliverAsync(new DeliveryOrder("press-2", second with { Version = AppVersion.Parse("9.0.0"), Binary = forgedBinary }), forged, Ct);
        SignedInstallReport otherBinary = await m.Channel.DeliverAsync(new DeliveryOrder("press-3", first with { Binary = forgedBinary }), forged, Ct);

        Assert.Equal(InstallOutcome.Failed, downgrade.Report.Outcome);
        Assert.Equal(AppVersion.Parse("1.1.0"), m.Hosts["press-1"].Agent.Running(App));
        Assert.Equal(InstallOutcome.Failed, unknownVersion.Report.Outcome);
        Assert.Equal(InstallOutcome.Failed, otherBinary.Report.Outcome);
        Assert.All(new[] { "press-2", "press-3" }, id =>
        {
            Assert.Null(m.Hosts[id].Agent.Running(App));
            Assert.False(Directory.Exists(Path.Combine(m.Hosts[id].Agent.Directory, "apps")));
        });
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.UpdateRequested, HistoryAction.Updated], await m.HistoryAsync("press-1", Ct));
    }

    [Fact]
    public async Task A_warehouse_that_serves_other_bytes_than_the_record_pins_is_refused_by_the_manager_and_the_refusal_recorded()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        byte[] pinned = MqttMarket.Binary(5_000, 11), served = MqttMarket.Binary(5_000, 12);
        BinaryReference reference = await m.Warehouse.UploadAsync(new MemoryStream(pinned), Ct);
        BinaryReference swapped = await m.Warehouse.UploadAsync(new MemoryStream(served), Ct);

        // The record pins the length and SHA-256 of one binary, but the warehouse hands out another blob under its CID.
        await m.Market.PublishAppAsync(MqttMarket.Developer, new AppPublication(App, "Vibration monitor", AppVersion.Parse("1.0.0"), AppPricing.PayPerUse(3), ["plc-x86"], reference with { Cid = swapped.Cid }, [], []), Ct);
        DeliveryOutcome outcome = await m.Iot.InstallAsync("press-1", App, cancellationToken: Ct);

        Assert.Null(outcome.Outcome);
        Assert.StartsWith("SHA-256", outcome.Refusal, StringComparison.Ordinal);
        Assert.Null(m.Hosts["press-1"].Agent.Running(App));
        Assert.False(Directory.Exists(Path.Combine(m.Hosts["press-1"].Agent.Directory, "apps")));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.DeliveryRefused], await m.HistoryAsync("press-1", Ct));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting for the usage reports to reach the manager.");
            await Task.Delay(20, Ct);
        }
    }
}
