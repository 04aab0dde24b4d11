using System.Diagnostics;
using System.Net.Http.Json;
using Xunit;

namespace ValueChain.Testing;

/// <summary>
/// A real Ethereum node for the tests: anvil from the pinned npm package in tools/, started on a free
/// loopback port and killed on dispose. Fails loudly when anvil is not installed (./test.sh runs npm ci).
/// </summary>
public sealed class AnvilNode : IAsyncLifetime
{
    /// <summary>anvil's chain id.</summary>
    public const ulong ChainId = 31337;

    /// <summary>
    /// The private keys anvil funds with 10 000 ETH each: the first accounts of its default mnemonic
    /// "test test test test test test test test test test test junk", as anvil prints them at start.
    /// </summary>
    public static readonly IReadOnlyList<string> DevKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    ];

    private Process? _process;
    private string? _cache;

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>The anvil binary inside the npm package.</summary>
    public static string Binary => Path.Combine(RepositoryPaths.Root, "tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"anvil is not installed ({Binary} is missing). Run ./test.sh, which runs npm ci in tools/.");
        }

        int port = LoopbackPort.Free();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        // A block gas limit far above the default 30 M: with automine, a burst larger than one block
        // otherwise stays pending until another transaction arrives. anvil writes the states of older
        // blocks under its cache path and leaves them there when killed (72 GB piled up in
        // ~/.foundry/anvil/tmp over a day of benchmarks), so each node gets a folder deleted on dispose.
        // (--prune-history would avoid the files, but with it anvil's pool more often leaves a due
        // transaction queued for good, and a call at the latest block now and then fails as out of range.)
        // --max-persisted-states 0 keeps the last 500 states in memory and writes none: anvil writes every
        // older block's whole state to a file, so a node that many runs deploy to (a benchmark's) spent more
        // per block with every run (the procurement case study: 17 s, then 24, then 52 s in one process; with
        // no state written, 18.7, 18.5, 21.4 s under the same load). Calls at blocks more than 500 back fail.
        _cache = Directory.CreateTempSubdirectory("valuechain-anvil-").FullName;
        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList =
            {
                "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gas-limit", "1000000000000", "--cache-path", _cache, "--max-persisted-states", "0", "--silent",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }

            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await DeleteCacheAsync();
    }

    /// <summary>The blocks whose states this node keeps (<c>--max-persisted-states 0</c>): calls at older blocks are refused.</summary>
    public const int StateWindow = 500;

    /// <summary>
    /// Mines empty blocks until every block made so far is older than <see cref="StateWindow"/>: its state is gone,
    /// as on a pruning node, for tests of what still works without it.
    /// </summary>
    public async Task MinePastTheStateWindowAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsJsonAsync(
            Endpoint, new { jsonrpc = "2.0", id = 1, method = "anvil_mine", @params = new[] { $"0x{StateWindow + 1:x}" } }, cancellationToken);
        response.EnsureSuccessStatusCode();
        string answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (answer.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"anvil_mine was refused: {answer}");
        }
    }

    // A benchmark run once failed in this disposal (its message was lost): the kill and the delete now allow
    // for the node exiting on its own first and for its folder still in use while the killed process goes down.
    private async Task DeleteCacheAsync()
    {
        for (int attempt = 1; _cache is not null && Directory.Exists(_cache); attempt++)
        {
            try
            {
                Directory.Delete(_cache, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with code {_process.ExitCode} at start.");
            }

            try
            {
                using HttpResponseMessage response = await http.PostAsJsonAsync(Endpoint, new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() });
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"anvil did not answer on {Endpoint} within 30 s.");
    }
}
