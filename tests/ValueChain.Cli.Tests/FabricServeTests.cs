using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ValueChain.Testing;

namespace ValueChain.Cli.Tests;

// `valuechain fabric serve` as its own process: serving, answering the gRPC health service, and stopping on SIGTERM.
public sealed class FabricServeTests
{
    [Fact]
    public async Task The_server_answers_the_health_service_and_stops_gracefully_on_SIGTERM()
    {
        int port = LoopbackPort.Free();
        string options = await OptionsFileAsync("""{ "ValueChain": { "Traceability": { "GenesisParticipants": [ { "Address": "0xB86b69247D1eb6B8e2EAC811a792C40cE0075873", "Name": "OEM", "Role": "Oem", "IsAdmin": true } ] } } }""");
        using Process serve = Start("fabric", "serve", "--chaincode", "traceability", "--package-id", "traceability_1:abc", "--listen", $"127.0.0.1:{port}", "--options", options);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        serve.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        serve.BeginOutputReadLine();
        await WaitUntilAsync(() => output.Any(l => l.Contains("Serving chaincode", StringComparison.Ordinal)), serve);

        using GrpcChannel channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        HealthCheckResponse health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        using Process term = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await serve.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(output, l => l.Contains("traceability", StringComparison.Ordinal) && l.Contains("traceability_1:abc", StringComparison.Ordinal));
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains(output, l => l.Contains("Stopped.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_application_or_invalid_options_are_typed_errors_and_nothing_is_served()
    {
        string options = await OptionsFileAsync("""{ "ValueChain": { "Traceability": { "GenesisParticipants": [ { "Address": "0xnot-an-address" } ] } } }""");

        (int unknownExit, string unknown) = await RunToEndAsync("fabric", "serve", "--chaincode", "nope", "--package-id", "x:1", "--listen", "127.0.0.1:0");
        (int invalidExit, string invalid) = await RunToEndAsync("fabric", "serve", "--chaincode", "traceability", "--package-id", "x:1", "--listen", "127.0.0.1:0", "--options", options);

        Assert.Equal(2, unknownExit);
        Assert.Contains("'nope' is not one of", unknown, StringComparison.Ordinal);
        Assert.Equal(2, invalidExit);
        Assert.Contains("0xnot-an-address", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving", invalid, StringComparison.Ordinal);
    }

    private static async Task<string> OptionsFileAsync(string json)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("valuechain-serve-").FullName, "appsettings.json");
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
        return path;
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ValueChain.Cli.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(params string[] arguments)
    {
        using Process process = Start(arguments);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited)
            {
                Assert.Fail($"valuechain fabric serve exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "valuechain fabric serve did not start within 30 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
