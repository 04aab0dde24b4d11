using Google.Protobuf;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Deploys chaincode definitions through Fabric's <c>_lifecycle</c> system chaincode, as
/// <c>peer lifecycle chaincode approveformyorg</c> and <c>commit</c> do: the organisation approves a
/// definition that points at an installed package, then the definition is committed to the channel.
/// Needs an identity the channel's lifecycle policies accept (an organisation admin).
/// </summary>
public sealed class FabricLifecycle
{
    private const string LifecycleChaincode = "_lifecycle";
    private readonly FabricClient _client;
    private readonly FabricIdentity _admin;
    private readonly IFabricSigner _signer;

    /// <summary>Creates the deployer acting as <paramref name="admin"/>.</summary>
    public FabricLifecycle(FabricClient client, FabricIdentity admin, IFabricSigner signer)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(signer);
        _client = client;
        _admin = admin;
        _signer = signer;
    }

    /// <summary>
    /// The private data collections every definition this deployer approves and commits declares (its collection
    /// configuration); none by default. Approvals and the commit of one definition must carry the same collections.
    /// </summary>
    public IReadOnlyList<FabricCollectionDefinition> Collections { get; init; } = [];

    /// <summary>
    /// Approves (for the admin's organisation) and commits a definition of <paramref name="name"/> that
    /// runs the installed package <paramref name="packageId"/>, with the channel's default endorsement policy;
    /// returns the block of the commit. Several names may share one chaincode-as-a-service package. On a channel of
    /// several organisations, each approves with <see cref="ApproveAsync"/> and one commits with <see cref="CommitAsync"/>.
    /// </summary>
    /// <exception cref="FabricEndorsementException">The peer refused (for example an unknown package or a wrong sequence), with its message.</exception>
    public async Task<long> DeployAsync(string name, string packageId, string version = "1", long sequence = 1, CancellationToken cancellationToken = default)
    {
        await ApproveAsync(name, packageId, null, version, sequence, cancellationToken).ConfigureAwait(false);
        return await CommitAsync(name, null, version, sequence, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Approves, for the admin's organisation, a definition of <paramref name="name"/> that runs the installed package
    /// <paramref name="packageId"/> and is endorsed under <paramref name="policy"/> (null: the channel's default,
    /// <c>/Channel/Application/Endorsement</c>); returns the block of the approval. Send it through a client whose
    /// peers belong to the admin's organisation.
    /// </summary>
    /// <exception cref="FabricEndorsementException">The peer refused (for example an unknown package or a wrong sequence), with its message.</exception>
    public Task<long> ApproveAsync(string name, string packageId, EndorsementPolicy? policy = null, string version = "1", long sequence = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(packageId);
        var approve = new Lifecycle.ApproveChaincodeDefinitionForMyOrgArgs
        {
            Name = name,
            Version = version,
            Sequence = sequence,
            Source = new Lifecycle.ChaincodeSource { LocalPackage = new Lifecycle.ChaincodeSource.Types.Local { PackageId = packageId } },
        };
        if (policy is not null)
        {
            approve.ValidationParameter = policy.ToValidationParameter();
        }

        if (Collections.Count > 0)
        {
            approve.Collections = CollectionPackage();
        }

        return CallAsync("ApproveChaincodeDefinitionForMyOrg", approve, cancellationToken);
    }

    /// <summary>
    /// Commits the definition of <paramref name="name"/> that the organisations approved (the same
    /// <paramref name="policy"/>, version and sequence); returns the block of the commit. Send it through a client
    /// whose peers satisfy the channel's <c>LifecycleEndorsement</c> policy (on two organisations: a peer of each).
    /// </summary>
    /// <exception cref="FabricEndorsementException">The peer refused (for example a definition not approved by enough organisations), with its message.</exception>
    public Task<long> CommitAsync(string name, EndorsementPolicy? policy = null, string version = "1", long sequence = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var commit = new Lifecycle.CommitChaincodeDefinitionArgs { Name = name, Version = version, Sequence = sequence };
        if (policy is not null)
        {
            commit.ValidationParameter = policy.ToValidationParameter();
        }

        if (Collections.Count > 0)
        {
            commit.Collections = CollectionPackage();
        }

        return CallAsync("CommitChaincodeDefinition", commit, cancellationToken);
    }

    private Protos.CollectionConfigPackage CollectionPackage()
    {
        var package = new Protos.CollectionConfigPackage();
        package.Config.AddRange(Collections.Select(c => c.ToProto()));
        return package;
    }

    private async Task<long> CallAsync(string function, IMessage args, CancellationToken cancellationToken)
    {
        try
        {
            FabricSubmitResult result = await _client.SubmitAsync(_admin, _signer, LifecycleChaincode, [System.Text.Encoding.UTF8.GetBytes(function), args.ToByteArray()], cancellationToken).ConfigureAwait(false);
            return result.BlockNumber;
        }
        catch (FabricChaincodeException e)
        {
            throw new FabricEndorsementException(e.TransactionId, "_lifecycle", 500, $"{function}: {e.Message}", e);
        }
    }
}
