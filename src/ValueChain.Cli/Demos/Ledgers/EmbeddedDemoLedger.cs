using ValueChain.AppMarket;
using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Procurement;
using ValueChain.Traceability;
using ValueChain.V2V;

namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>The embedded ledger, in process, with a manual clock: the default, no services needed.</summary>
internal sealed class EmbeddedDemoLedger : DemoLedger
{
    private InMemoryLedger? _ledger;

    public override string Name => "embedded ledger";

    public override Task<(ITraceabilityContract Chain, ILedgerTimeControl Time)> TraceabilityAsync(TraceabilityOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new TraceabilityChaincode(options));
        return Task.FromResult<(ITraceabilityContract, ILedgerTimeControl)>((new TraceabilityChaincodeAdapter(ledger), ledger));
    }

    public override Task<(IFlexibilityContract Market, ILedgerTimeControl Time)> FlexibilityAsync(FlexibilityOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new FlexibilityChaincode(options));
        return Task.FromResult<(IFlexibilityContract, ILedgerTimeControl)>((new FlexibilityChaincodeAdapter(ledger), ledger));
    }

    public override Task<(IV2VContract Map, ILedgerTimeControl Time)> V2VAsync(V2VOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new V2VChaincode(options));
        return Task.FromResult<(IV2VContract, ILedgerTimeControl)>((new V2VChaincodeAdapter(ledger), ledger));
    }

    public override Task<(IAppMarketContract Market, ILedgerTimeControl Time)> AppMarketAsync(AppMarketOptions options, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new AppMarketChaincode(options));
        return Task.FromResult<(IAppMarketContract, ILedgerTimeControl)>((new AppMarketChaincodeAdapter(ledger, options.ChainId), ledger));
    }

    public override Task<(IProcurementContract Market, ILedgerTimeControl Time)> ProcurementAsync(ProcurementOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new ProcurementChaincode(options));
        return Task.FromResult<(IProcurementContract, ILedgerTimeControl)>((new ProcurementChaincodeAdapter(ledger), ledger));
    }

    public override async Task<string> CheckAsync(CancellationToken cancellationToken) =>
        (await _ledger!.VerifyAsync(cancellationToken)).IsValid ? $"[green]valid[/], {_ledger.Height} blocks" : "[red]INVALID[/]";

    public override async ValueTask DisposeAsync()
    {
        if (_ledger is not null)
        {
            await _ledger.DisposeAsync();
        }
    }

    // The applications keep their own participant registries; the ledger lets any key submit.
    private InMemoryLedger Open(DateTimeOffset start, IChaincode chaincode) =>
        _ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(start) }, [chaincode]);
}
