using ValueChain.Ledger;
using ValueChain.Traceability;

namespace ValueChain.Conformance.Traceability;

/// <summary>A PartChain deployment started for one test.</summary>
/// <param name="Contract">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
/// <param name="Gateway">
/// The generic gateway beneath the port on drivers that run the C# chaincode (embedded, Fabric), so
/// that scenarios can also send what the port would never send; null on Ethereum.
/// </param>
public sealed record TraceabilityUnderTest(ITraceabilityContract Contract, ILedgerTimeControl Time, IAsyncDisposable Owner, IContractGateway? Gateway = null) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
