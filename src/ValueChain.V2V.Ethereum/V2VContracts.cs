using System.Numerics;
using ValueChain.Ledger.Ethereum;
using ValueChain.V2V.Ethereum.Contracts;

namespace ValueChain.V2V.Ethereum;

/// <summary>Where the obstacle map's contract stands on a chain.</summary>
/// <param name="Map">The V2VMap contract.</param>
public sealed record V2VContracts(Address Map)
{
    /// <summary>
    /// Deploys V2VMap with <paramref name="options"/> (issuer, authorities, matching, expiry, cells, certificate
    /// length, batch size, reputation weights) through <paramref name="deployer"/>, paid by <paramref name="owner"/>.
    /// Idempotent against the deployer's manifest: an unchanged contract is reused.
    /// </summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="V2VOptionsValidator"/>.</exception>
    public static Task<V2VContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, V2VOptions options, CancellationToken cancellationToken = default) =>
        DeployAsync(owner, deployer, options, EvmTarget.Cancun, cancellationToken);

    /// <summary>As <see cref="DeployAsync(EthereumClient, ContractDeployer, V2VOptions, CancellationToken)"/>, with the contracts built for <paramref name="evmTarget"/>.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="V2VOptionsValidator"/>.</exception>
    public static async Task<V2VContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, V2VOptions options, EvmTarget evmTarget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(deployer);
        V2VOptionsValidator.ThrowIfInvalid(options);
        var settings = new V2VMap.Settings(
            options.Issuer,
            [.. options.Authorities],
            new BigInteger(options.MatchRadiusMetres * 1000L),
            new BigInteger((long)options.MatchWindow.TotalMilliseconds),
            (ulong)options.Expiry.TotalSeconds,
            new BigInteger(options.CellSizeMicrodegrees),
            (ulong)options.MaxCertificateValidity.TotalSeconds,
            new UInt256((ulong)options.MaxBatchSize),
            options.ConfirmationReward,
            options.ExpiryPenalty,
            options.ContradictionPenalty,
            options.FlagThreshold);
        (DeployedContract map, _) = await deployer.DeployAsync(
            nameof(V2VMap), ApplicationBytecode.Of(typeof(V2VContracts).Assembly, nameof(V2VMap), evmTarget), V2VMap.EncodeDeployment(settings), V2VMap.Errors, cancellationToken).ConfigureAwait(false);
        return new V2VContracts(map.Address);
    }
}
