using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ValueChain.Testing;

/// <summary>
/// An Ethereum development node for the tests: started by its default command on a free loopback port and
/// killed on dispose, or, when <c>{Prefix}_URL</c> is set, the node already running at that URL, or, when
/// <c>{Prefix}_COMMAND</c> is set, that command line run by <c>/bin/sh -c</c> with <c>{port}</c> replaced by the
/// chosen port (ganache, Besu or geth in dev mode …). The chain id is read from the node, never assumed. Fails
/// loudly when the node does not start or does not answer.
/// </summary>
public abstract class DevelopmentNode : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _variablePrefix;
    private readonly HttpClient _http = new();
    private readonly Queue<string> _lastLines = new();
    private Process? _process;

    /// <summary>A node whose environment variables start with <paramref name="variablePrefix"/> (for example <c>VALUECHAIN_HARDHAT</c>).</summary>
    protected DevelopmentNode(string variablePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variablePrefix);
        _variablePrefix = variablePrefix;
    }

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>The chain id the node answered to <c>eth_chainId</c>.</summary>
    public ulong ChainId { get; private set; }

    /// <summary>True when the fixture started the node with its default command (not a URL or a command from the environment).</summary>
    protected bool StartedByDefault { get; private set; }

    /// <summary>A short name of the node for messages, for example "hardhat".</summary>
    protected abstract string Name { get; }

    /// <summary>The default command that starts the node listening on 127.0.0.1:<paramref name="port"/>.</summary>
    protected abstract ProcessStartInfo DefaultStart(int port);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(_variablePrefix + "_URL") is { Length: > 0 } url)
        {
            Endpoint = new Uri(url);
        }
        else
        {
            int port = LoopbackPort.Free();
            Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            ProcessStartInfo start;
            if (Environment.GetEnvironmentVariable(_variablePrefix + "_COMMAND") is { Length: > 0 } command)
            {
                start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) } };
            }
            else
            {
                start = DefaultStart(port);
                StartedByDefault = true;
            }

            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start ({start.FileName}).");
            _process.OutputDataReceived += (_, line) => Remember(line.Data);
            _process.ErrorDataReceived += (_, line) => Remember(line.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        ChainId = await WaitForChainIdAsync();
        await OnStartedAsync();
    }

    /// <summary>Called once the node answers, for settings of the node's own (quieter logging …).</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>
    /// Takes an <c>evm_snapshot</c> of the node, reverted (state, blocks and time) when the returned handle is disposed:
    /// a fresh node per test at the cost of two calls.
    /// </summary>
    public async Task<IAsyncDisposable> SnapshotAsync()
    {
        JsonElement id = await CallAsync("evm_snapshot");
        return new Snapshot(this, id.GetString() ?? throw new InvalidOperationException($"{Name} answered evm_snapshot with {id}."));
    }

    /// <summary>Sends one JSON-RPC call and returns its result; throws with the node's error when it answers one.</summary>
    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        using HttpResponseMessage response = await _http.PostAsJsonAsync(Endpoint, new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        response.EnsureSuccessStatusCode();
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.TryGetProperty("result", out JsonElement result)
            ? result.Clone()
            : throw new InvalidOperationException($"{Name} refused {method}: {answer.RootElement.GetProperty("error")}.");
    }

    /// <inheritdoc />
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
        _http.Dispose();
        OnStopped();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called once the node is stopped, to remove what its default command left behind.</summary>
    protected virtual void OnStopped()
    {
    }

    private async Task<ulong> WaitForChainIdAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} at start: {LastLines()}");
            }

            try
            {
                JsonElement chainId = await CallAsync("eth_chainId");
                return ulong.Parse(chainId.GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{Name} did not answer eth_chainId on {Endpoint} within {StartTimeout.TotalSeconds} s: {LastLines()}");
    }

    // The last lines the node printed, for the message when it fails to start.
    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return _lastLines.Count == 0 ? "(it printed nothing)" : string.Join(Environment.NewLine, _lastLines);
        }
    }

    private sealed class Snapshot(DevelopmentNode node, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            JsonElement reverted = await node.CallAsync("evm_revert", id);
            if (reverted.ValueKind != JsonValueKind.True)
            {
                throw new InvalidOperationException($"{node.Name} did not revert to snapshot {id}.");
            }
        }
    }
}
