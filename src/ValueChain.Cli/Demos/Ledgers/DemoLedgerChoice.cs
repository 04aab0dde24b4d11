namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>The ledger the command line chose for the application demos: <c>--ledger embedded|ethereum</c> and <c>--rpc URL</c>.</summary>
/// <param name="Ethereum">True for <c>--ledger ethereum</c>.</param>
/// <param name="Rpc">The node's JSON-RPC URL; without it, a local anvil is started.</param>
internal sealed record DemoLedgerChoice(bool Ethereum, Uri? Rpc)
{
    /// <summary>The default: the embedded ledger.</summary>
    public static DemoLedgerChoice Embedded { get; } = new(false, null);

    /// <summary>A fresh ledger of the chosen kind for one demo.</summary>
    public async Task<DemoLedger> OpenAsync(CancellationToken cancellationToken) =>
        Ethereum ? await EthereumDemoLedger.StartAsync(Rpc, cancellationToken) : new EmbeddedDemoLedger();
}
