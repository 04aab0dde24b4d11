using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>
/// An anvil development node started for a demo on a free loopback port (the binary pinned in tools/, found from
/// the working directory or the tool's own folder upwards, or anvil on the PATH) and stopped, with its state
/// folder deleted, when disposed.
/// </summary>
internal sealed class LocalAnvil : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _state;

    private LocalAnvil(Process process, string state, Uri endpoint) => (_process, _state, Endpoint) = (process, state, endpoint);

    public Uri Endpoint { get; }

    /// <summary>The anvil binary, or null when none is installed.</summary>
    public static string? FindBinary()
    {
        string relative = Path.Combine("tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "anvil"))
            .FirstOrDefault(File.Exists);
    }

    /// <exception cref="ConfigurationException">anvil is not installed or does not start.</exception>
    public static async Task<LocalAnvil> StartAsync(CancellationToken cancellationToken)
    {
        string binary = FindBinary()
            ?? throw new ConfigurationException("--ledger ethereum without --rpc starts a local anvil, but none is installed: run ./test.sh (npm ci in tools/) or give --rpc URL of a development node.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        string state = Directory.CreateTempSubdirectory("valuechain-demo-anvil-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--gas-limit", "1000000000000", "--cache-path", state, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process = Process.Start(start) ?? throw new ConfigurationException($"{binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new LocalAnvil(process, state, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new TcpClient();
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(50, cancellationToken))
        {
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return anvil;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                // Not listening yet.
            }
            catch (SocketException)
            {
                await anvil.DisposeAsync();
                throw new ConfigurationException($"anvil ({binary}) did not start listening on port {port}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_state, recursive: true);
    }
}
