using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.AppMarket.Tests.Mqtt;

// `valuechain device` as its own OS process: the device's key and broker password in its environment, its own
// directory, and optionally a health-check program. Started and stopped by the test; Kill is kill -9.
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AgentProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Cli
    {
        get
        {
            string configuration = typeof(AgentProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            string cli = Path.Combine(RepositoryPaths.Root, "src", "ValueChain.Cli", "bin", configuration, "net10.0", "ValueChain.Cli.dll");
            Assert.True(File.Exists(cli), $"The valuechain tool is not built at {cli}.");
            return cli;
        }
    }

    public string Output => string.Join('\n', _output);

    public static async Task<AgentProcess> StartAsync(MqttMarket market, string deviceId, string? healthCheck, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Cli);
        foreach (string argument in new[]
        {
            "device", "--id", deviceId, "--broker", $"{market.Broker.Endpoint.Host}:{market.Broker.Endpoint.Port}", "--dir", market.AgentDirectory(deviceId),
            "--chain-id", market.Market.ReportDomain.ChainId.ToString(CultureInfo.InvariantCulture), "--platform", market.Market.PlatformAddress.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (healthCheck is not null)
        {
            start.ArgumentList.Add("--health-check");
            start.ArgumentList.Add(healthCheck);
        }

        start.Environment["VALUECHAIN_DEVICE_KEY"] = MqttMarket.DeviceKeyHex(deviceId);
        start.Environment["VALUECHAIN_MQTT_PASSWORD"] = deviceId + "-pw";
        var agent = new AgentProcess(Process.Start(start)!);
        var clock = Stopwatch.StartNew();
        while (!agent.Output.Contains("waiting for orders", StringComparison.Ordinal))
        {
            if (agent._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                string output = agent.Output;
                await agent.DisposeAsync();
                Assert.Fail($"valuechain device {deviceId} did not come up: {output}");
            }

            await Task.Delay(25, cancellationToken);
        }

        return agent;
    }

    // SIGKILL, with the health check it may be running: nothing of the agent gets to clean up.
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the tool stops gracefully.
            using (Process term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
