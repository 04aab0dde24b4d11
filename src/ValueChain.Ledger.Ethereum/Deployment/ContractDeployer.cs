using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Deploys contracts and records them in a <see cref="DeploymentManifest"/> file. Idempotent: a contract
/// already in the manifest with the same bytecode and arguments, whose code is still on the chain, is
/// reused rather than deployed again. A manifest of another chain is refused.
/// </summary>
public sealed class ContractDeployer : IDisposable
{
    private readonly EthereumClient _client;
    private readonly string _manifestPath;
    private readonly ulong _chainId;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Creates a deployer that keeps its manifest at <paramref name="manifestPath"/>.</summary>
    public ContractDeployer(EthereumClient client, string manifestPath, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        (_client, _manifestPath, _chainId) = (client, manifestPath, chainId);
    }

    /// <summary>
    /// The address of <paramref name="name"/> deployed from <paramref name="bytecode"/> with
    /// <paramref name="constructorArguments"/>: from the manifest when it is there and unchanged, otherwise
    /// freshly deployed and recorded.
    /// </summary>
    /// <returns>The deployed contract and whether this call deployed it.</returns>
    public async Task<(DeployedContract Contract, bool Deployed)> DeployAsync(
        string name, byte[] bytecode, byte[] constructorArguments, IReadOnlyList<AbiError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bytecode);
        ArgumentNullException.ThrowIfNull(constructorArguments);
        Hash32 codeHash = Keccak256.Hash([.. bytecode, .. constructorArguments]);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DeploymentManifest manifest = DeploymentManifest.Load(_manifestPath) ?? new DeploymentManifest(_chainId, new Dictionary<string, DeployedContract>());
            if (manifest.ChainId != _chainId)
            {
                throw new ConfigurationException($"The deployment manifest {_manifestPath} is for chain {manifest.ChainId}, not {_chainId}; use another manifest path per chain.");
            }

            if (manifest.Contracts.TryGetValue(name, out DeployedContract? known) && known.CodeHash == codeHash
                && await HasCodeAsync(known.Address, cancellationToken).ConfigureAwait(false))
            {
                return (known, false);
            }

            TransactionReceipt receipt = await _client.DeployAsync(bytecode, constructorArguments, default, errors, cancellationToken).ConfigureAwait(false);
            var deployed = new DeployedContract(receipt.ContractAddress!.Value, receipt.BlockNumber, receipt.TransactionHash, codeHash);
            var contracts = new Dictionary<string, DeployedContract>(manifest.Contracts, StringComparer.Ordinal) { [name] = deployed };
            (manifest with { Contracts = contracts }).Save(_manifestPath);
            return (deployed, true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    // A manifest may outlive its chain (a restarted dev node): an address without code is deployed again.
    private async Task<bool> HasCodeAsync(Address address, CancellationToken cancellationToken)
    {
        JsonElement code = await _client.Rpc.CallAsync("eth_getCode", [address.ToLowerHex(), "latest"], cancellationToken).ConfigureAwait(false);
        return code.GetString() is { Length: > 2 };
    }
}
