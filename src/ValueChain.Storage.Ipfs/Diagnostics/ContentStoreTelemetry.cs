using System.Diagnostics;
using System.Diagnostics.Metrics;
using ValueChain.Diagnostics;

namespace ValueChain.Storage.Ipfs;

/// <summary>
/// The content store's activity source and meter, both named <see cref="Name"/>: collect them with
/// <c>AddSource("ValueChain.Storage.Ipfs")</c> and <c>AddMeter("ValueChain.Storage.Ipfs")</c>. The embedded store
/// and the Kubo client both emit them for their reads and writes.
/// </summary>
public static class ContentStoreTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ValueChain.Storage.Ipfs";

    /// <summary>The span name of a write (a file, a record, a block, a CAR import).</summary>
    public const string WriteSpan = "valuechain.content.write";

    /// <summary>The span name of a read (a record, a block, opening a file, a CAR export).</summary>
    public const string ReadSpan = "valuechain.content.read";

    /// <summary>Span attribute: the store operation (<c>add_file</c>, <c>put_record</c>, <c>get_block</c> …).</summary>
    public const string Operation = "valuechain.content.operation";

    /// <summary>Counter (bytes): bytes handed to the store to keep.</summary>
    public const string BytesStored = "valuechain.content.bytes_stored";

    /// <summary>Counter (bytes): bytes of records and blocks read back.</summary>
    public const string BytesRead = "valuechain.content.bytes_read";

    /// <summary>Histogram (ms): how long a store operation took.</summary>
    public const string Duration = "valuechain.content.duration";

    private static readonly Meter Meter = new(Name, typeof(ContentStoreTelemetry).Assembly.GetName().Version?.ToString());

    internal static ActivitySource Source { get; } = new(Name, typeof(ContentStoreTelemetry).Assembly.GetName().Version?.ToString());

    internal static Counter<long> Stored { get; } = Meter.CreateCounter<long>(BytesStored, "By", "Bytes handed to the content store to keep.");

    internal static Counter<long> Read { get; } = Meter.CreateCounter<long>(BytesRead, "By", "Bytes of records and blocks read back.");

    internal static Histogram<double> Durations { get; } = Meter.CreateHistogram<double>(Duration, "ms", "How long a content-store operation took.");

    internal static KeyValuePair<string, object?> Store(string kind) => new(TelemetryNames.ContentStoreKind, kind);
}
