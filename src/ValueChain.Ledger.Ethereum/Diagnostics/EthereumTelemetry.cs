using System.Diagnostics;
using System.Diagnostics.Metrics;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The Ethereum driver's activity source and meter, both named <see cref="Name"/>: collect them with
/// <c>AddSource("ValueChain.Ledger.Ethereum")</c> and <c>AddMeter("ValueChain.Ledger.Ethereum")</c>.
/// </summary>
public static class EthereumTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ValueChain.Ledger.Ethereum";

    /// <summary>The value of <see cref="TelemetryNames.LedgerKind"/> for Ethereum.</summary>
    public const string LedgerKind = "ethereum";

    /// <summary>The span name of one JSON-RPC request or batch (one HTTP round trip).</summary>
    public const string RpcBatchSpan = "valuechain.jsonrpc.batch";

    /// <summary>Span attribute: the JSON-RPC methods of a batch, comma-separated, each once.</summary>
    public const string RpcMethod = "rpc.method";

    /// <summary>Span attribute: how many requests a batch holds.</summary>
    public const string RpcBatchSize = "valuechain.jsonrpc.batch.size";

    /// <summary>Histogram: the gas a mined transaction used.</summary>
    public const string GasUsed = "valuechain.ethereum.gas.used";

    /// <summary>Up-down counter: transactions sent and not yet mined (or given up), per chain.</summary>
    public const string PendingSends = "valuechain.ethereum.pending_sends";

    /// <summary>Histogram (ms): one JSON-RPC round trip.</summary>
    public const string RpcDuration = "valuechain.jsonrpc.duration";

    // Instruments are thread-safe and never reassigned: shared by every client of the process, told apart by chain id.
    private static readonly ActivitySource Source = new(Name, typeof(EthereumTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name, typeof(EthereumTelemetry).Assembly.GetName().Version?.ToString());

    internal static LedgerInstruments Ledger { get; } = new(Source, Meter, LedgerKind, ActivityKind.Client);

    internal static Histogram<long> Gas { get; } = Meter.CreateHistogram<long>(GasUsed, "{gas}", "The gas a mined transaction used.");

    internal static UpDownCounter<long> Pending { get; } = Meter.CreateUpDownCounter<long>(PendingSends, "{transaction}", "Transactions sent and not yet mined.");

    internal static Histogram<double> Rpc { get; } = Meter.CreateHistogram<double>(RpcDuration, "ms", "One JSON-RPC round trip (a request or a batch).");

    internal static KeyValuePair<string, object?> Chain(ulong chainId) => new(TelemetryNames.LedgerNetwork, chainId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
