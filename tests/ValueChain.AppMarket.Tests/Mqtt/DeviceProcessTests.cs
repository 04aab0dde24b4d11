using System.Diagnostics;

namespace ValueChain.AppMarket.Tests.Mqtt;

// Device agents as real OS processes (`valuechain device`, each on its own broker account) and the IoT manager in the
// test, over a real Mosquitto and the embedded ledger.
public sealed class DeviceProcessTests
{
    private const string App = "vibration-monitor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_agent_processes_install_one_is_updated_remotely_one_removes_the_app_and_the_ledger_and_the_devices_agree()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct, startAgents: false);
        AgentProcess[] agents = await Task.WhenAll(m.DeviceIds.Select(id => AgentProcess.StartAsync(m, id, healthCheck: null, Ct)));
        try
        {
            byte[] v1 = MqttMarket.Binary(20_000, 11), v2 = MqttMarket.Binary(21_000, 12);
            await m.PublishAsync("1.0.0", v1, Ct);

            DeliveryOutcome[] installs = await Task.WhenAll(m.DeviceIds.Select(id => m.Iot.InstallAsync(id, App, cancellationToken: Ct)));
            await m.PublishAsync("1.1.0", v2, Ct);
            DeliveryOutcome update = await m.Iot.UpdateAsync("press-2", App, cancellationToken: Ct);
            DeliveryOutcome removal = await m.Iot.UninstallAsync("press-3", App, cancellationToken: Ct);

            Assert.All(installs, o => Assert.Equal(InstallOutcome.Installed, o.Outcome));
            Assert.Equal(InstallOutcome.Installed, update.Outcome);
            Assert.Equal(InstallOutcome.Removed, removal.Outcome);
            Assert.Equal(v1, await File.ReadAllBytesAsync(AppBinary(m, "press-1", "1.0.0"), Ct));
            Assert.Equal(v2, await File.ReadAllBytesAsync(AppBinary(m, "press-2", "1.1.0"), Ct));
            Assert.False(Directory.Exists(Path.Combine(m.AgentDirectory("press-3"), "apps", App)));
            Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed], await m.HistoryAsync("press-1", Ct));
            Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.UpdateRequested, HistoryAction.Updated], await m.HistoryAsync("press-2", Ct));
            Assert.Equal([HistoryAction.InstallRequested, HistoryAction.Installed, HistoryAction.Removed], await m.HistoryAsync("press-3", Ct));
            Assert.All(m.DeviceIds, id => Assert.Empty(Entries(m, id, "staging")));
        }
        finally
        {
            foreach (AgentProcess agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_agent_process_killed_while_staging_rolls_back_when_restarted_the_ledger_says_so_and_nothing_is_installed_twice()
    {
        await using MqttMarket m = await MqttMarket.StartAsync(Ct, devices: 1, startAgents: false);
        string scripts = Directory.CreateDirectory(Path.Combine(m.Folder, "scripts")).FullName;
        string hang = Script(scripts, "hang.sh", "touch \"$1/health-started\"\nexec sleep 120");
        string healthy = Script(scripts, "healthy.sh", "exit 0");
        byte[] binary = MqttMarket.Binary(30_000, 13);
        await m.PublishAsync("1.0.0", binary, Ct);

        AgentProcess killed = await AgentProcess.StartAsync(m, "press-1", hang, Ct);
        Task<DeliveryOutcome> install = m.Iot.InstallAsync("press-1", App, cancellationToken: Ct);
        string staged = Path.Combine(m.AgentDirectory("press-1"), "staging", App);
        await WaitUntilAsync(() => File.Exists(Path.Combine(staged, "health-started")), killed);
        await killed.KillAsync();
        await killed.DisposeAsync();
        Assert.True(File.Exists(Path.Combine(staged, "app.bin")), "The kill came while the install was staged.");
        Assert.False(install.IsCompleted);

        await using (AgentProcess restarted = await AgentProcess.StartAsync(m, "press-1", healthy, Ct))
        {
            Assert.Equal(InstallOutcome.RolledBack, (await install).Outcome);
            Assert.Equal([HistoryAction.InstallRequested, HistoryAction.RolledBack], await m.HistoryAsync("press-1", Ct));
            Assert.Empty(Entries(m, "press-1", "staging"));
            Assert.Empty(Entries(m, "press-1", "downloads"));
            Assert.False(Directory.Exists(Path.Combine(m.AgentDirectory("press-1"), "apps", App)));

            // Asked again, it installs, once.
            Assert.Equal(InstallOutcome.Installed, (await m.Iot.InstallAsync("press-1", App, cancellationToken: Ct)).Outcome);
        }

        Assert.Equal([HistoryAction.InstallRequested, HistoryAction.RolledBack, HistoryAction.InstallRequested, HistoryAction.Installed], await m.HistoryAsync("press-1", Ct));
        Assert.Equal<string?>(["1.0.0"], Directory.EnumerateDirectories(Path.Combine(m.AgentDirectory("press-1"), "apps", App)).Select(Path.GetFileName));
        Assert.Equal(binary, await File.ReadAllBytesAsync(AppBinary(m, "press-1", "1.0.0"), Ct));
        Assert.Empty(Entries(m, "press-1", "staging"));
        Assert.Equal(InstallationStatus.Installed, (await m.Market.GetInstallationAsync(MqttMarket.Company, "press-1", App, Ct))!.Status);
    }

    private static string AppBinary(MqttMarket m, string deviceId, string version) => Path.Combine(m.AgentDirectory(deviceId), "apps", App, version, "app.bin");

    private static IEnumerable<string> Entries(MqttMarket m, string deviceId, string folder)
    {
        string path = Path.Combine(m.AgentDirectory(deviceId), folder);
        return Directory.Exists(path) ? Directory.EnumerateFileSystemEntries(path) : [];
    }

    private static string Script(string folder, string name, string body)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The agent-process tests run their health checks as POSIX shell scripts.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, AgentProcess agent)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Timed out; the agent said: " + agent.Output);
            await Task.Delay(20, Ct);
        }
    }
}
