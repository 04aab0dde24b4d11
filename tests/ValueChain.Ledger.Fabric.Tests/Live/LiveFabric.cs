using System.Collections.Concurrent;
using ValueChain.Conformance.Traceability;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// One live network for a test class: the chaincode-as-a-service server the peer connects to (it
/// serves every chaincode name the tests deploy, each with its own chaincode instance), the admin's
/// lifecycle access, and Fabric identities issued by the organisation's CA for the suite's actors.
/// </summary>
public sealed class LiveFabric : IAsyncLifetime
{
    private static int _deployments;
    private readonly ConcurrentDictionary<string, IChaincode> _chaincodes = new(StringComparer.Ordinal);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
    private FabricChaincodeServer? _server;

    internal LiveNetworkSettings? Settings { get; } = LiveNetworkSettings.FromEnvironment();

    internal FabricWallet Wallet { get; } = new();

    internal FabricIdentity Admin { get; private set; } = null!;

    internal EcdsaP256Signer AdminSigner { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (Settings is not { } network)
        {
            return;
        }

        Admin = new FabricIdentity(network.MspId, network.AdminCertificatePem);
        AdminSigner = EcdsaP256Signer.FromPem(network.AdminKeyPem);
        foreach (EthereumSigner actor in TraceabilityActors.All)
        {
            (FabricIdentity identity, EcdsaP256Signer signer) = await ParticipantCertificates.IssueAsync(network.MspId, network.CaCertificatePem, network.CaKeyPem, actor, $"actor-{actor.Address.ToLowerHex()[..8]}");
            Wallet.Add(identity, signer);
        }

        var options = new FabricChaincodeServerOptions { ChaincodeId = network.PackageId, Listen = network.ChaincodeListen };
        options.ChaincodeFor = name => _chaincodes.GetValueOrDefault(name);
        _server = await FabricChaincodeServer.StartAsync(options);
    }

    /// <summary>A client of its own (ledger time moves per client).</summary>
    internal FabricClient NewClient()
    {
        LiveNetworkSettings network = Settings ?? throw new InvalidOperationException(LiveNetworkSettings.SkipReason);
        var options = new FabricClientOptions { Channel = network.Channel, Orderer = network.Orderer, CommitTimeout = TimeSpan.FromSeconds(30) };
        options.Peers.Add(network.Peer);
        return new FabricClient(options, Admin, AdminSigner);
    }

    /// <summary>Deploys <paramref name="chaincode"/> under a fresh name, so that every scenario starts from empty state; returns the name.</summary>
    internal async Task<string> DeployAsync(FabricClient client, IChaincode chaincode)
    {
        string name = $"{chaincode.Name}-{_run}-{Interlocked.Increment(ref _deployments)}";
        _chaincodes[name] = chaincode;
        await new FabricLifecycle(client, Admin, AdminSigner).DeployAsync(name, Settings!.PackageId);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
