using ValueChain.Ledger;
using ValueChain.Traceability;

namespace ValueChain.Conformance.Traceability;

/// <summary>A PartChain deployment started for one test.</summary>
/// <param name="Contract">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
public sealed record TraceabilityUnderTest(ITraceabilityContract Contract, ILedgerTimeControl Time, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
