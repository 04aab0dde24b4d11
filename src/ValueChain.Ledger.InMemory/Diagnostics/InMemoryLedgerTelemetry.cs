using System.Diagnostics;
using System.Diagnostics.Metrics;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The embedded ledger's activity source and meter, both named <see cref="Name"/>: collect them with
/// <c>AddSource("ValueChain.Ledger.InMemory")</c> and <c>AddMeter("ValueChain.Ledger.InMemory")</c>.
/// </summary>
public static class InMemoryLedgerTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ValueChain.Ledger.InMemory";

    /// <summary>The span name of a block's production, from its first transaction's execution to its publication.</summary>
    public const string BlockSpan = "valuechain.block.produce";

    /// <summary>The value of <see cref="TelemetryNames.LedgerKind"/> for the embedded ledger.</summary>
    public const string LedgerKind = "in-memory";

    // Instruments are thread-safe and never reassigned: shared by every ledger of the process, told apart by network id.
    private static readonly ActivitySource Source = new(Name, typeof(InMemoryLedgerTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name, typeof(InMemoryLedgerTelemetry).Assembly.GetName().Version?.ToString());

    internal static LedgerInstruments Ledger { get; } = new(Source, Meter, LedgerKind, ActivityKind.Internal);
}
