using System.Text.Json;
using ValueChain.AppMarket;
using ValueChain.AppMarket.Ethereum;
using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility.Ethereum;
using ValueChain.Procurement;
using ValueChain.Procurement.Ethereum;
using ValueChain.Traceability;
using ValueChain.Traceability.Ethereum;
using ValueChain.V2V;
using ValueChain.V2V.Ethereum;

namespace ValueChain.Cli.Demos.Ledgers;

/// <summary>
/// An Ethereum development node — a local anvil the demo starts, or the node at a given URL — with each
/// application's contracts freshly deployed through a manifest in a temporary folder. The demo's actors are
/// funded through DevelopmentNodeFunding (the set-balance call of anvil, hardhat or ganache, or a transfer) and ledger time moves with evm_increaseTime,
/// so the node must be a development node.
/// </summary>
internal sealed class EthereumDemoLedger : DemoLedger
{
    private static readonly UInt256 Ether100 = UInt256.Parse("0x56bc75e2d63100000");
    private readonly LocalAnvil? _anvil;
    private readonly HttpClient _http = new();
    private readonly JsonRpcClient _rpc;
    private readonly SignerClients _clients;
    private readonly ulong _chainId;
    private readonly string _folder = Directory.CreateTempSubdirectory("valuechain-demo-").FullName;

    private EthereumDemoLedger(LocalAnvil? anvil, Uri endpoint, ulong chainId)
    {
        _anvil = anvil;
        _chainId = chainId;
        _rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = endpoint });
        _clients = new SignerClients(_rpc, new EthereumClientOptions { ChainId = chainId, LogPollInterval = TimeSpan.FromMilliseconds(50) }, new TransactionSenderOptions { ChainId = chainId });
        Name = anvil is null ? $"Ethereum node at {endpoint}" : $"anvil at {endpoint}";
    }

    public override string Name { get; }

    /// <summary>Connects to <paramref name="rpc"/>, or starts a local anvil when it is null.</summary>
    public static async Task<EthereumDemoLedger> StartAsync(Uri? rpc, CancellationToken cancellationToken)
    {
        LocalAnvil? anvil = rpc is null ? await LocalAnvil.StartAsync(cancellationToken) : null;
        Uri endpoint = rpc ?? anvil!.Endpoint;
        try
        {
            using var http = new HttpClient();
            JsonElement id = await new JsonRpcClient(http, new JsonRpcOptions { Endpoint = endpoint }).CallAsync("eth_chainId", [], cancellationToken);
            return new EthereumDemoLedger(anvil, endpoint, Convert.ToUInt64(id.GetString(), 16));
        }
        catch
        {
            if (anvil is not null)
            {
                await anvil.DisposeAsync();
            }

            throw;
        }
    }

    public override async Task<(ITraceabilityContract Chain, ILedgerTimeControl Time)> TraceabilityAsync(TraceabilityOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        ISigner deployer = await DeployerAmongAsync(options.GenesisParticipants.Select(p => p.Address), cancellationToken);
        using var manifest = new ContractDeployer(_clients.For(deployer), Path.Combine(_folder, "traceability.json"), _chainId);
        TraceabilityContracts contracts = await TraceabilityContracts.DeployAsync(_clients.Reader, manifest, options, cancellationToken);
        return (new TraceabilityEthereumAdapter(_clients, contracts), await TimeFromAsync(start, cancellationToken));
    }

    public override async Task<(IFlexibilityContract Market, ILedgerTimeControl Time)> FlexibilityAsync(FlexibilityOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        options.ChainId = _chainId;
        ISigner deployer = await DeployerAmongAsync(options.Verifiers.Select(v => v.Address), cancellationToken);
        using var manifest = new ContractDeployer(_clients.For(deployer), Path.Combine(_folder, "flexibility.json"), _chainId);
        FlexibilityContracts contracts = await FlexibilityContracts.DeployAsync(_clients.For(deployer), manifest, options, cancellationToken);
        return (new FlexibilityEthereumAdapter(_clients, contracts), await TimeFromAsync(start, cancellationToken));
    }

    public override async Task<(IV2VContract Map, ILedgerTimeControl Time)> V2VAsync(V2VOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        ISigner deployer = await DeployerAmongAsync([options.Issuer], cancellationToken);
        using var manifest = new ContractDeployer(_clients.For(deployer), Path.Combine(_folder, "v2v.json"), _chainId);
        V2VContracts contracts = await V2VContracts.DeployAsync(_clients.For(deployer), manifest, options, cancellationToken);
        return (new V2VEthereumAdapter(_clients, contracts), await TimeFromAsync(start, cancellationToken));
    }

    public override async Task<(IAppMarketContract Market, ILedgerTimeControl Time)> AppMarketAsync(AppMarketOptions options, CancellationToken cancellationToken)
    {
        options.ChainId = _chainId;
        ISigner deployer = await DeployerAmongAsync(options.GenesisMembers.Select(m => m.Address), cancellationToken);
        using var manifest = new ContractDeployer(_clients.For(deployer), Path.Combine(_folder, "appmarket.json"), _chainId);
        AppMarketContracts contracts = await AppMarketContracts.DeployAsync(_clients.For(deployer), manifest, options, cancellationToken);
        return (new AppMarketEthereumAdapter(_clients, contracts), new DevChainTimeControl(_rpc));
    }

    public override async Task<(IProcurementContract Market, ILedgerTimeControl Time)> ProcurementAsync(ProcurementOptions options, DateTimeOffset start, CancellationToken cancellationToken)
    {
        ISigner deployer = await DeployerAmongAsync(options.GenesisUsers.Select(u => u.Address), cancellationToken);
        using var manifest = new ContractDeployer(_clients.For(deployer), Path.Combine(_folder, "procurement.json"), _chainId);
        ProcurementContracts contracts = await ProcurementContracts.DeployAsync(_clients.For(deployer), manifest, options, cancellationToken);
        return (new ProcurementEthereumAdapter(_clients, contracts), await TimeFromAsync(start, cancellationToken));
    }

    /// <summary>Gives every demo actor gas money and remembers its key (the deployer is one of them).</summary>
    public override async Task AddActorsAsync(IEnumerable<ISigner> actors, CancellationToken cancellationToken)
    {
        foreach (ISigner actor in actors)
        {
            _signers[actor.Address] = actor;
            await SetBalanceAsync(actor.Address, cancellationToken);
        }
    }

    public override async Task<string> CheckAsync(CancellationToken cancellationToken) =>
        $"[green]{await _clients.Reader.GetBlockNumberAsync(cancellationToken)} blocks[/] on chain {_chainId} ({Spectre.Console.Markup.Escape(Name)})";

    public override async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }
    }

    private readonly Dictionary<Address, ISigner> _signers = [];

    // The deployer is the first of the given accounts whose key the demo added with AddActorsAsync.
    private async Task<ISigner> DeployerAmongAsync(IEnumerable<Address> accounts, CancellationToken cancellationToken)
    {
        ISigner? deployer = null;
        foreach (Address account in accounts)
        {
            await SetBalanceAsync(account, cancellationToken);
            deployer ??= _signers.GetValueOrDefault(account);
        }

        return deployer ?? throw new InvalidOperationException("The demo adds its actors (AddActorsAsync) before it deploys.");
    }

    private Task<string> SetBalanceAsync(Address account, CancellationToken cancellationToken) =>
        DevelopmentNodeFunding.FundAsync(_rpc, account, Ether100, cancellationToken);

    // Moves the chain to start's time of day on the first day at which that is not in the past.
    private async Task<ILedgerTimeControl> TimeFromAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        var time = new DevChainTimeControl(_rpc);
        DateTimeOffset now = await time.GetTimeAsync(cancellationToken);
        DateTimeOffset target = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + start.UtcDateTime.TimeOfDay;
        if (target <= now)
        {
            target = target.AddDays(1);
        }

        await time.AdvanceAsync(target - now, cancellationToken);
        return time;
    }
}
