namespace ValueChain.AppMarket.Tests.Mqtt;

// A remote update of many devices as a rollout in waves over a real Mosquitto, stopped by the failure threshold.
public sealed class MqttRolloutTests
{
    private const string App = "vibration-monitor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rollout_stops_at_the_wave_whose_failures_pass_the_threshold_the_rest_keep_the_old_version_and_the_ledger_records_each_outcome()
    {
        // press-3 and press-4 fail the health check of 1.1.0 and go back to 1.0.0.
        string[] failing = ["press-3", "press-4"];
        await using MqttMarket m = await MqttMarket.StartAsync(Ct, devices: 6, healthChecks: id =>
            (_, app, _) => Task.FromResult(!(failing.Contains(id) && app.Version == AppVersion.Parse("1.1.0"))));
        await m.PublishAsync("1.0.0", MqttMarket.Binary(5_000, 14), Ct);
        await Task.WhenAll(m.DeviceIds.Select(id => m.Iot.InstallAsync(id, App, cancellationToken: Ct)));
        await m.PublishAsync("1.1.0", MqttMarket.Binary(5_500, 15), Ct);

        IReadOnlyList<DeliveryOutcome> outcomes = await m.Iot.RolloutAsync(m.DeviceIds, App, AppVersion.Parse("1.1.0"), waveSize: 2, failureThreshold: 0.3, Ct);

        // Wave 1 (press-1, press-2) succeeds; wave 2 (press-3, press-4) fails: 2 of 4 is above 30 %, so wave 3 never starts.
        Assert.Equal(["press-1", "press-2", "press-3", "press-4"], outcomes.Select(o => o.DeviceId));
        Assert.Equal<InstallOutcome?>([InstallOutcome.Installed, InstallOutcome.Installed, InstallOutcome.RolledBack, InstallOutcome.RolledBack], outcomes.Select(o => o.Outcome));
        var v1 = AppVersion.Parse("1.0.0");
        var v2 = AppVersion.Parse("1.1.0");
        Assert.Equal<AppVersion?>([v2, v2, v1, v1, v1, v1], m.DeviceIds.Select(id => m.Hosts[id].Agent.Running(App)));
        Assert.Equal([v2, v2, v1, v1, v1, v1], await Task.WhenAll(m.DeviceIds.Select(async id => (await m.Market.GetInstallationAsync(MqttMarket.Company, id, App, Ct))!.Version)));
        HistoryAction[] installed = [HistoryAction.InstallRequested, HistoryAction.Installed];
        foreach (string id in new[] { "press-1", "press-2" })
        {
            Assert.Equal([.. installed, HistoryAction.UpdateRequested, HistoryAction.Updated], await m.HistoryAsync(id, Ct));
        }

        foreach (string id in failing)
        {
            Assert.Equal([.. installed, HistoryAction.UpdateRequested, HistoryAction.RolledBack], await m.HistoryAsync(id, Ct));
        }

        foreach (string id in new[] { "press-5", "press-6" })
        {
            Assert.Equal(installed, await m.HistoryAsync(id, Ct));
        }
    }

    [Fact]
    public async Task A_device_that_does_not_answer_counts_as_a_failed_delivery_and_the_other_outcomes_are_kept()
    {
        // Long enough for a loaded CI machine to install, short enough for the test to wait out the away device.
        MqttDeliveryOptions quickTimeout = MqttMarket.SmallChunks with { ReportTimeout = TimeSpan.FromSeconds(15) };
        await using MqttMarket m = await MqttMarket.StartAsync(Ct, devices: 4, delivery: quickTimeout);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(5_000, 16), Ct);
        await Task.WhenAll(m.DeviceIds.Select(id => m.Iot.InstallAsync(id, App, cancellationToken: Ct)));
        await m.PublishAsync("1.1.0", MqttMarket.Binary(5_500, 17), Ct);
        MqttDeviceAgentHost away = m.Hosts["press-2"];
        await away.DisposeAsync();
        away.Agent.Dispose();

        IReadOnlyList<DeliveryOutcome> outcomes = await m.Iot.RolloutAsync(m.DeviceIds, App, AppVersion.Parse("1.1.0"), waveSize: 2, failureThreshold: 0.5, Ct);

        // Wave 1: press-1 installs, press-2 is away (1 of 2 failed is not above 50 %); wave 2 goes on and both install.
        Assert.Equal(["press-1", "press-2", "press-3", "press-4"], outcomes.Select(o => o.DeviceId));
        Assert.Equal([false, true, false, false], outcomes.Select(o => o.Unreachable));
        Assert.Equal([true, false, true, true], outcomes.Select(o => o.Succeeded));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.UpdateRequested], await m.HistoryAsync("press-2", Ct));
        Assert.Equal(InstallationStatus.UpdateRequested, (await m.Market.GetInstallationAsync(MqttMarket.Company, "press-2", App, Ct))!.Status);
    }
}
