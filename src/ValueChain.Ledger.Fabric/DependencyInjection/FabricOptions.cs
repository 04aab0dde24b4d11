namespace ValueChain.Ledger.Fabric;

/// <summary>The Fabric driver's settings for <c>UseFabric</c>.</summary>
public sealed class FabricOptions
{
    /// <summary>The channel the chaincodes run on.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The peers that endorse every transaction; the first also answers queries and reports commits.</summary>
    public IList<FabricEndpoint> Peers { get; } = [];

    /// <summary>The orderer.</summary>
    public FabricEndpoint Orderer { get; set; } = new();

    /// <summary>The MSP id of the client identity.</summary>
    public string MspId { get; set; } = "";

    /// <summary>The client identity's certificate (PEM): it reads blocks and is the caller of queries made without one.</summary>
    public string CertificatePem { get; set; } = "";

    /// <summary>The client identity's signer (for example <see cref="EcdsaP256Signer.FromPem"/>, or one backed by an HSM).</summary>
    public IFabricSigner? Signer { get; set; }

    /// <summary>The identities transactions may be submitted as, by the address their certificate maps to.</summary>
    public FabricWallet Wallet { get; } = new();

    /// <summary>Chaincode name → the name it is deployed under on the channel, where they differ.</summary>
    public IDictionary<string, string> ChaincodeNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether endorsers are found through Fabric's discovery service (off by default): the configured
    /// <see cref="Peers"/> are then only the bootstrap peers, and each transaction is endorsed by peers that satisfy
    /// its chaincode's endorsement policy as the service describes it (see <see cref="FabricClientOptions.UseDiscovery"/>).
    /// </summary>
    public bool UseDiscovery { get; set; }

    /// <summary>How long a submit waits for its commit.</summary>
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the channel's newest block may stay the same before <see cref="FabricHealthCheck"/> reports Degraded;
    /// null (the default) does not check, since a channel gets a block only when a transaction is sent.
    /// </summary>
    public TimeSpan? HeadStallAfter { get; set; }

    /// <summary>
    /// The chaincodes' endorsement policy in Fabric's policy language (for example
    /// <c>AND('Org1MSP.peer', 'Org2MSP.peer')</c>); when set, peers that are down or refuse are skipped as long as the
    /// others satisfy it. Null (the default): every configured peer must endorse.
    /// </summary>
    public string? EndorsementPolicy { get; set; }
}
