using ValueChain.Ledger;

namespace ValueChain.Conformance.Ledger;

/// <summary>A ledger started for one test: its gateway, its time control, and how to stop it.</summary>
/// <param name="Gateway">The port under test, with <see cref="ConformanceChaincode"/> deployed.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Members">Signers that may submit (at least three).</param>
/// <param name="Owner">Disposed when the test ends.</param>
public sealed record LedgerUnderTest(IContractGateway Gateway, ILedgerTimeControl Time, IReadOnlyList<ISigner> Members, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
