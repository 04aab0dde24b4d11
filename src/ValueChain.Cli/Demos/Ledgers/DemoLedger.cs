using ValueChain.AppMarket;
using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Procurement;
using ValueChain.Traceability;
using ValueChain.V2V;

namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>
/// Where the application demos run: the embedded ledger, or an Ethereum node (a local anvil, or one given by
/// URL). The demos talk to the application ports and move ledger time only through what this gives them.
/// </summary>
internal abstract class DemoLedger : IAsyncDisposable
{
    /// <summary>How the demo tables name the ledger ("embedded ledger", "anvil at …").</summary>
    public abstract string Name { get; }

    /// <summary>Makes the demo's actors ready to send (on Ethereum: funded with gas); call before deploying.</summary>
    public virtual Task AddActorsAsync(IEnumerable<ISigner> actors, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>PartChain deployed with <paramref name="options"/>; ledger time at or after <paramref name="start"/>'s time of day.</summary>
    public abstract Task<(ITraceabilityContract Chain, ILedgerTimeControl Time)> TraceabilityAsync(TraceabilityOptions options, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>
    /// The flexibility market deployed with <paramref name="options"/> (its chain id set to the ledger's); ledger time at
    /// <paramref name="start"/>'s time of day, on its day or a later one.
    /// </summary>
    public abstract Task<(IFlexibilityContract Market, ILedgerTimeControl Time)> FlexibilityAsync(FlexibilityOptions options, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>The obstacle map deployed with <paramref name="options"/> (by its issuer on a node); ledger time at or after <paramref name="start"/>.</summary>
    public abstract Task<(IV2VContract Map, ILedgerTimeControl Time)> V2VAsync(V2VOptions options, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>The app marketplace deployed with <paramref name="options"/> (its chain id set to the ledger's).</summary>
    public abstract Task<(IAppMarketContract Market, ILedgerTimeControl Time)> AppMarketAsync(AppMarketOptions options, CancellationToken cancellationToken);

    /// <summary>The procurement marketplace deployed with <paramref name="options"/> (by a genesis user on a node); ledger time at or after <paramref name="start"/>.</summary>
    public abstract Task<(IProcurementContract Market, ILedgerTimeControl Time)> ProcurementAsync(ProcurementOptions options, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>One line that says the ledger checked out (the embedded ledger verifies its chain; a node reports its height).</summary>
    public abstract Task<string> CheckAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
