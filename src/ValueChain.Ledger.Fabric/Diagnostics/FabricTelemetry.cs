using System.Diagnostics;
using System.Diagnostics.Metrics;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The Fabric driver's activity source and meter, both named <see cref="Name"/>: collect them with
/// <c>AddSource("ValueChain.Ledger.Fabric")</c> and <c>AddMeter("ValueChain.Ledger.Fabric")</c>.
/// </summary>
public static class FabricTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ValueChain.Ledger.Fabric";

    /// <summary>The value of <see cref="TelemetryNames.LedgerKind"/> for Fabric.</summary>
    public const string LedgerKind = "fabric";

    /// <summary>The span name of the endorsement of a proposal by the peers.</summary>
    public const string EndorseSpan = "valuechain.fabric.endorse";

    /// <summary>The span name of ordering: the broadcast to the orderer and the wait for the commit.</summary>
    public const string OrderSpan = "valuechain.fabric.order";

    /// <summary>Span attribute: how many peers endorsed.</summary>
    public const string Endorsements = "valuechain.fabric.endorsements";

    // Instruments are thread-safe and never reassigned: shared by every client of the process, told apart by channel.
    private static readonly ActivitySource Source = new(Name, typeof(FabricTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name, typeof(FabricTelemetry).Assembly.GetName().Version?.ToString());

    internal static LedgerInstruments Ledger { get; } = new(Source, Meter, LedgerKind, ActivityKind.Client);
}
