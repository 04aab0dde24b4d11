using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Traceability;

namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>The embedded ledger, in process, with a manual clock: the default, no services needed.</summary>
internal sealed class EmbeddedDemoLedger : DemoLedger
{
    private InMemoryLedger? _ledger;

    public override string Name => "embedded ledger";

    public override Task<(IPartChainContract Chain, ILedgerTimeControl Time)> TraceabilityAsync(PartChainOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new PartChainChaincode(options));
        return Task.FromResult<(IPartChainContract, ILedgerTimeControl)>((new PartChainGatewayAdapter(ledger), ledger));
    }

    public override Task<(IFlexibilityMarket Market, ILedgerTimeControl Time)> FlexibilityAsync(FlexMarketOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        InMemoryLedger ledger = Open(start, new FlexMarketChaincode(options));
        return Task.FromResult<(IFlexibilityMarket, ILedgerTimeControl)>((new FlexMarketGatewayAdapter(ledger), ledger));
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
