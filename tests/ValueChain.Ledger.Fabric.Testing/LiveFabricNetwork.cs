using System.Collections.Concurrent;
using System.Globalization;

namespace ValueChain.Ledger.Fabric.Testing;

/// <summary>
/// A live Fabric network for tests and benchmarks: the chaincode-as-a-service server the peer
/// connects to (serving every chaincode name deployed through it, each with its own instance), the
/// admin's lifecycle access, and Fabric identities issued by the organisation's CA for ValueChain signers.
/// </summary>
public sealed class LiveFabricNetwork : IAsyncDisposable
{
    private static int _deployments;
    private readonly ConcurrentDictionary<string, IChaincode> _chaincodes = new(StringComparer.Ordinal);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
    private readonly FabricChaincodeServer _server;

    private LiveFabricNetwork(LiveFabricSettings settings, FabricChaincodeServer server, ConcurrentDictionary<string, IChaincode> chaincodes)
    {
        Settings = settings;
        _server = server;
        _chaincodes = chaincodes;
        Admin = new FabricIdentity(settings.MspId, settings.AdminCertificatePem);
        AdminSigner = EcdsaP256Signer.FromPem(settings.AdminKeyPem);
    }

    public LiveFabricSettings Settings { get; }

    public FabricWallet Wallet { get; } = new();

    public FabricIdentity Admin { get; }

    public EcdsaP256Signer AdminSigner { get; }

    /// <summary>Starts the chaincode server for the network in <paramref name="settings"/>.</summary>
    public static async Task<LiveFabricNetwork> StartAsync(LiveFabricSettings settings)
    {
        var chaincodes = new ConcurrentDictionary<string, IChaincode>(StringComparer.Ordinal);
        var options = new FabricChaincodeServerOptions { ChaincodeId = settings.PackageId, Listen = settings.ChaincodeListen, ChaincodeFor = name => chaincodes.GetValueOrDefault(name) };
        return new LiveFabricNetwork(settings, await FabricChaincodeServer.StartAsync(options), chaincodes);
    }

    /// <summary>Issues a certificate binding each signer's address and adds it to <see cref="Wallet"/>.</summary>
    public async Task EnrollAsync(IEnumerable<ISigner> signers)
    {
        foreach (ISigner signer in signers)
        {
            (FabricIdentity identity, EcdsaP256Signer key) = await ParticipantCertificates.IssueAsync(Settings.MspId, Settings.CaCertificatePem, Settings.CaKeyPem, signer, $"vc-{signer.Address.ToLowerHex()[..8]}");
            Wallet.Add(identity, key);
        }
    }

    /// <summary>A client of its own (ledger time moves per client).</summary>
    public FabricClient NewClient()
    {
        var options = new FabricClientOptions { Channel = Settings.Channel, Orderer = Settings.Orderer, CommitTimeout = TimeSpan.FromSeconds(30) };
        options.Peers.Add(Settings.Peer);
        return new FabricClient(options, Admin, AdminSigner);
    }

    /// <summary>Deploys <paramref name="chaincode"/> under a fresh name, so that it starts from empty state; returns the name.</summary>
    public async Task<string> DeployAsync(FabricClient client, IChaincode chaincode)
    {
        string name = $"{chaincode.Name}-{_run}-{Interlocked.Increment(ref _deployments)}";
        _chaincodes[name] = chaincode;
        await new FabricLifecycle(client, Admin, AdminSigner).DeployAsync(name, Settings.PackageId);
        return name;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
