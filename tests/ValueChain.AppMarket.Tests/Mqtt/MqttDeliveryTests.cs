using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace ValueChain.AppMarket.Tests.Mqtt;

// End to end over a real Mosquitto (Debian's package, tools/apt-packages.txt): the ledger, the warehouse, the IoT
// manager on its broker account and three device agents on theirs.
public sealed class MqttDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_devices_install_one_is_updated_remotely_one_uninstalled_and_the_history_says_exactly_that()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        byte[] v1 = MqttMarket.Binary(10_000, 1), v2 = MqttMarket.Binary(12_345, 2);
        await m.PublishAsync("1.0.0", v1, Ct);

        DeliveryOutcome[] installs = await Task.WhenAll(MqttMarket.DeviceIds.Select(id => m.Iot.InstallAsync(id, "vibration-monitor", cancellationToken: Ct)));
        await m.PublishAsync("1.1.0", v2, Ct);
        DeliveryOutcome update = await m.Iot.UpdateAsync("press-2", "vibration-monitor", cancellationToken: Ct);
        await m.Market.UninstallAsync(MqttMarket.Technician, "press-3", "vibration-monitor", remote: true, Ct);

        Assert.All(installs, o => Assert.Equal(InstallOutcome.Installed, o.Outcome));
        Assert.Equal(InstallOutcome.Installed, update.Outcome);
        Assert.Equal(v1, await File.ReadAllBytesAsync(Path.Combine(m.Hosts["press-1"].Agent.CurrentDirectory("vibration-monitor")!, "app.bin"), Ct));
        Assert.Equal(v2, await File.ReadAllBytesAsync(Path.Combine(m.Hosts["press-2"].Agent.CurrentDirectory("vibration-monitor")!, "app.bin"), Ct));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed], await m.HistoryAsync("press-1", Ct));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.UpdateRequested, HistoryAction.Updated], await m.HistoryAsync("press-2", Ct));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.Removed], await m.HistoryAsync("press-3", Ct));
        HistoryEntry updated = (await m.Market.GetDeviceHistoryAsync(MqttMarket.Company, "press-2", Ct))[2];
        Assert.True(updated.Remote);
        Assert.Equal(AppVersion.Parse("1.1.0"), updated.Version);
        Assert.Equal(MqttMarket.Technician.Address, updated.By);
        Assert.False((await m.Market.GetInstallationAsync(MqttMarket.Company, "press-3", "vibration-monitor", Ct))!.Active);
    }

    [Fact]
    public async Task A_binary_altered_in_transit_is_refused_by_the_agent_and_the_failure_recorded()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(5_000, 3), Ct);
        // Altered after the manager verified it and before the chunk hashes were computed: every chunk checks out, the whole does not.
        m.Channel.AlterInTransit = binary =>
        {
            byte[] altered = binary.ToArray();
            altered[4_321] ^= 0x40;
            return altered;
        };

        DeliveryOutcome outcome = await m.Iot.InstallAsync("press-1", "vibration-monitor", cancellationToken: Ct);

        Assert.Equal(InstallOutcome.Failed, outcome.Outcome);
        Assert.Null(m.Hosts["press-1"].Agent.Running("vibration-monitor"));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Failed], await m.HistoryAsync("press-1", Ct));
    }

    [Fact]
    public async Task A_chunk_altered_in_transit_is_dropped_on_arrival_and_fetched_again()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        byte[] binary = MqttMarket.Binary(8_000, 4);
        await m.PublishAsync("1.0.0", binary, Ct);
        int altered = 0;
        m.Channel.AlterChunk = (_, index, chunk) =>
        {
            if (index != 3 || Interlocked.Exchange(ref altered, 1) != 0)
            {
                return chunk;
            }

            byte[] copy = [.. chunk];
            copy[0] ^= 1;
            return copy;
        };

        DeliveryOutcome outcome = await m.Iot.InstallAsync("press-1", "vibration-monitor", cancellationToken: Ct);

        Assert.Equal(InstallOutcome.Installed, outcome.Outcome);
        Assert.Equal(1, m.Hosts["press-1"].RejectedChunks);
        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(m.Hosts["press-1"].Agent.CurrentDirectory("vibration-monitor")!, "app.bin"), Ct));
    }

    [Fact]
    public async Task The_broker_restarted_in_the_middle_of_a_transfer_the_transfer_completes_without_fetching_again_what_the_device_had()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        byte[] binary = MqttMarket.Binary(64 * 1024, 5);
        await m.PublishAsync("1.0.0", binary, Ct);
        string downloads = Path.Combine(m.Hosts["press-1"].Agent.Directory, "downloads");
        var sentAfterRestart = new ConcurrentBag<int>();
        HashSet<int>? hadBeforeRestart = null;
        Task? restart = null;
        m.Channel.ChunkSent += (_, _, index) =>
        {
            if (hadBeforeRestart is not null)
            {
                sentAfterRestart.Add(index);
            }
            else if (index == 20 && restart is null)
            {
                hadBeforeRestart = [.. Directory.EnumerateFiles(downloads, "*.chunk", SearchOption.AllDirectories).Select(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))];
                restart = Task.Run(() => m.Broker.RestartAsync(Ct));
            }
        };

        DeliveryOutcome outcome = await m.Iot.InstallAsync("press-1", "vibration-monitor", cancellationToken: Ct);

        Assert.NotNull(restart);
        await restart;
        Assert.Equal(InstallOutcome.Installed, outcome.Outcome);
        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(m.Hosts["press-1"].Agent.CurrentDirectory("vibration-monitor")!, "app.bin"), Ct));
        Assert.InRange(hadBeforeRestart!.Count, 8, 63);
        Assert.Empty(sentAfterRestart.Intersect(hadBeforeRestart));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed], await m.HistoryAsync("press-1", Ct));
    }

    [Fact]
    public async Task A_device_that_was_away_gets_its_order_when_it_comes_back_and_installs_it_once()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(6_000, 6), Ct);
        MqttDeviceAgentHost away = m.Hosts["press-1"];
        await away.DisposeAsync();
        away.Agent.Dispose();

        Task<DeliveryOutcome> install = m.Iot.InstallAsync("press-1", "vibration-monitor", cancellationToken: Ct);
        await Task.Delay(500, Ct);
        Assert.False(install.IsCompleted);
        m.Hosts["press-1"] = await MqttDeviceAgentHost.ConnectAsync(m.Broker.Endpoint, MqttMarket.DeviceAccount("press-1"), m.NewAgent("press-1"), MqttMarket.Delivery, Ct);

        Assert.Equal(InstallOutcome.Installed, (await install).Outcome);
        Assert.Equal(AppVersion.Parse("1.0.0"), m.Hosts["press-1"].Agent.Running("vibration-monitor"));
        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed], await m.HistoryAsync("press-1", Ct));
    }

    [Fact]
    public async Task A_device_cannot_subscribe_to_or_write_on_another_devices_topics()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct);
        using IMqttClient press1 = new MqttClientFactory().CreateMqttClient();
        await press1.ConnectAsync(m.Broker.Endpoint.ClientOptions("press-1-spy", MqttMarket.DeviceAccount("press-1")), Ct);

        MqttClientSubscribeResult spying = await press1.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(AppMarketTopics.Orders("press-2")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(AppMarketTopics.Chunks("press-2")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(AppMarketTopics.Reports("press-2")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), Ct);
        MqttClientPublishResult forged = await press1.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(AppMarketTopics.Reports("press-2"))
            .WithPayload("{}"u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);

        Assert.All(spying.Items, i => Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, i.ResultCode));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        using DeviceAgent impostor = m.NewAgent("press-2");
        ConfigurationException refused = await Assert.ThrowsAsync<ConfigurationException>(() =>
            MqttDeviceAgentHost.ConnectAsync(m.Broker.Endpoint, MqttMarket.DeviceAccount("press-1"), impostor, MqttMarket.Delivery, Ct));
        Assert.Contains("NotAuthorized", refused.Message, StringComparison.Ordinal);
    }
}
