using System.Collections.Concurrent;
using System.Collections.Frozen;
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
    private readonly ConcurrentDictionary<string, (FabricClient Client, FabricIdentity Admin, EcdsaP256Signer Key)> _organisations = new(StringComparer.Ordinal);

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
        // Every definition deployed through this network declares the description's collections.
        IReadOnlySet<string> collections = settings.Collections.Select(c => c.Name).ToFrozenSet(StringComparer.Ordinal);
        var options = new FabricChaincodeServerOptions
        {
            ChaincodeId = settings.PackageId,
            Listen = settings.ChaincodeListen,
            ChaincodeFor = name => chaincodes.GetValueOrDefault(name),
            CollectionsFor = _ => collections,
        };
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

    /// <summary>The chaincodes' endorsement policy from the description, or null for the channel's default.</summary>
    public EndorsementPolicy? Policy => Settings.EndorsementPolicy is { } policy ? EndorsementPolicy.Parse(policy) : null;

    /// <summary>
    /// A client of its own (ledger time moves per client): every peer of the description with its endorsement
    /// policy, and discovery as the description says.
    /// </summary>
    public FabricClient NewClient() => NewClient(Settings.UseDiscovery, Settings.Peers.Select(p => p.Endpoint));

    /// <summary>A client of <paramref name="peers"/> (the bootstrap peers with discovery), as the network's admin.</summary>
    public FabricClient NewClient(bool useDiscovery, IEnumerable<FabricEndpoint> peers) => NewClient(useDiscovery, peers, Admin, AdminSigner);

    private FabricClient NewClient(bool useDiscovery, IEnumerable<FabricEndpoint> peers, FabricIdentity identity, IFabricSigner signer)
    {
        var options = new FabricClientOptions
        {
            Channel = Settings.Channel,
            Orderer = Settings.Orderer,
            CommitTimeout = TimeSpan.FromSeconds(30),
            EndorsementPolicy = Policy,
            UseDiscovery = useDiscovery,
        };
        foreach (FabricEndpoint peer in peers)
        {
            options.Peers.Add(peer);
        }

        return new FabricClient(options, identity, signer);
    }

    /// <summary>Deploys <paramref name="chaincode"/> under a fresh name, so that it starts from empty state; returns the name.</summary>
    public Task<string> DeployAsync(FabricClient client, IChaincode chaincode) => DeployAsync(client, chaincode, Policy);

    /// <summary>
    /// Deploys <paramref name="chaincode"/> under a fresh name with <paramref name="policy"/> (null: the channel's
    /// default): each organisation's admin approves through its own peers, the network's admin commits through
    /// <paramref name="client"/>, and the call returns once every peer has the definition.
    /// </summary>
    public async Task<string> DeployAsync(FabricClient client, IChaincode chaincode, EndorsementPolicy? policy)
    {
        string name = $"{chaincode.Name}-{_run}-{Interlocked.Increment(ref _deployments)}";
        _chaincodes[name] = chaincode;
        if (Settings.Peers.Count <= 1 && policy is null)
        {
            await Lifecycle(client, Admin, AdminSigner).DeployAsync(name, Settings.PackageId);
            return name;
        }

        foreach (IGrouping<string, LiveFabricPeer> organisation in Settings.Peers.GroupBy(p => p.MspId))
        {
            (FabricClient own, FabricIdentity admin, EcdsaP256Signer key) = OrganisationClient(organisation.Key);
            await Lifecycle(own, admin, key).ApproveAsync(name, Settings.PackageId, policy);
        }

        long block = await Lifecycle(client, Admin, AdminSigner).CommitAsync(name, policy);
        await WaitForBlockAsync(block);
        return name;
    }

    /// <summary>Waits until every organisation's first peer has committed <paramref name="block"/> (a peer just restarted catches up).</summary>
    public async Task WaitForBlockAsync(long block, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        foreach (string msp in Settings.Peers.Select(p => p.MspId).Distinct())
        {
            FabricClient own = OrganisationClient(msp).Client;
            while (true)
            {
                try
                {
                    if (await own.GetNewestBlockNumberAsync(cancel.Token) >= block)
                    {
                        break;
                    }
                }
                catch (FabricConnectionException) when (!cancel.IsCancellationRequested)
                {
                    // Not up yet.
                }

                await Task.Delay(100, cancel.Token);
            }
        }
    }

    private FabricLifecycle Lifecycle(FabricClient client, FabricIdentity admin, IFabricSigner signer) =>
        new(client, admin, signer) { Collections = Settings.Collections };

    // One client per organisation, acting as its admin through its own peers only (approvals are per organisation).
    private (FabricClient Client, FabricIdentity Admin, EcdsaP256Signer Key) OrganisationClient(string mspId) =>
        _organisations.GetOrAdd(mspId, msp =>
        {
            LiveFabricPeer[] own = [.. Settings.Peers.Where(p => p.MspId == msp)];
            var admin = new FabricIdentity(msp, own[0].AdminCertificatePem);
            EcdsaP256Signer key = EcdsaP256Signer.FromPem(own[0].AdminKeyPem);
            var options = new FabricClientOptions { Channel = Settings.Channel, Orderer = Settings.Orderer, CommitTimeout = TimeSpan.FromSeconds(30) };
            foreach (LiveFabricPeer peer in own)
            {
                options.Peers.Add(peer.Endpoint);
            }

            return (new FabricClient(options, admin, key), admin, key);
        });

    public async ValueTask DisposeAsync()
    {
        foreach ((FabricClient client, _, _) in _organisations.Values)
        {
            await client.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}
