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
    /// Approves (for the admin's organisation) and commits a definition of <paramref name="name"/> that
    /// runs the installed package <paramref name="packageId"/>; returns the block of the commit.
    /// Several names may share one chaincode-as-a-service package.
    /// </summary>
    /// <exception cref="FabricEndorsementException">The peer refused (for example an unknown package or a wrong sequence), with its message.</exception>
    public async Task<long> DeployAsync(string name, string packageId, string version = "1", long sequence = 1, CancellationToken cancellationToken = default)
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
        await CallAsync("ApproveChaincodeDefinitionForMyOrg", approve, cancellationToken).ConfigureAwait(false);
        var commit = new Lifecycle.CommitChaincodeDefinitionArgs { Name = name, Version = version, Sequence = sequence };
        return await CallAsync("CommitChaincodeDefinition", commit, cancellationToken).ConfigureAwait(false);
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
