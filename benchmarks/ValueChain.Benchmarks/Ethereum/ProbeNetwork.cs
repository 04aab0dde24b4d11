using ValueChain.Benchmarks.Contracts;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>An anvil node with the test contract deployed, and funded accounts to send from.</summary>
internal sealed class ProbeNetwork : IAsyncDisposable
{
    private readonly AnvilNode _anvil = new();
    private readonly HttpClient _http = new();

    private ProbeNetwork()
    {
    }

    public Uri Endpoint => _anvil.Endpoint;

    public Address Contract { get; private set; }

    public static string AbiPath => Path.Combine(RepositoryPaths.Root, "contracts", "artifacts", "BindingsProbe.abi.json");

    public static async Task<ProbeNetwork> StartAsync()
    {
        var network = new ProbeNetwork();
        await network._anvil.InitializeAsync();
        (BindingsProbe deployer, _) = await network.FundedProbeAsync(default);
        byte[] bytecode = ContractArtifact.Load(Path.Combine(RepositoryPaths.Root, "contracts", "artifacts"), nameof(BindingsProbe)).Bytecode();
        network.Contract = (await BindingsProbe.DeployAsync(deployer.Client, bytecode, 0)).Address;
        return network;
    }

    /// <summary>The contract bound through a fresh funded account (so that runs never share nonces).</summary>
    public async Task<(BindingsProbe Probe, PrivateKey Key)> FundedProbeAsync(Address contract)
    {
        (EthereumClient client, PrivateKey key) = await AnvilAccounts.FundedClientAsync(
            new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = Endpoint }), TimeSpan.FromSeconds(2));
        return (new BindingsProbe(client, contract), key);
    }

    public async ValueTask DisposeAsync()
    {
        await _anvil.DisposeAsync();
        _http.Dispose();
    }
}
