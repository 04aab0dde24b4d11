using ValueChain.AppMarket;
using ValueChain.Ledger;

namespace ValueChain.Conformance.AppMarket;

/// <summary>A marketplace started for one test.</summary>
/// <param name="Market">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
public sealed record AppMarketUnderTest(IAppMarketContract Market, ILedgerTimeControl Time, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
