using ValueChain.Flexibility;
using ValueChain.Ledger;

namespace ValueChain.Conformance.Flexibility;

/// <summary>A flexibility market started for one test.</summary>
/// <param name="Market">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
public sealed record FlexibilityUnderTest(IFlexibilityContract Market, ILedgerTimeControl Time, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
