using ValueChain.Ledger;
using ValueChain.V2V;

namespace ValueChain.Conformance.V2V;

/// <summary>An obstacle map started for one test.</summary>
/// <param name="Map">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
public sealed record V2VUnderTest(IV2VContract Map, ILedgerTimeControl Time, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
