using ValueChain.Ledger.Ethereum;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

namespace ValueChain.Traceability.Ethereum;

/// <summary>Where the Traceability contracts stand on a chain.</summary>
/// <param name="Traceability">The Traceability contract: participants, parts, orders, deliveries, handovers.</param>
/// <param name="Corrections">The ownership-correction contract the Traceability contract created.</param>
/// <param name="DeploymentBlock">The block the Traceability contract was deployed in, where history queries start.</param>
public sealed record TraceabilityContracts(Address Traceability, Address Corrections, ulong DeploymentBlock)
{
    // The Solidity contract's name, under which the deployment manifest records it.
    private const string ContractName = "Traceability";

    /// <summary>
    /// Deploys the Traceability contract with <paramref name="options"/>' genesis participants, invitation approvals and late tolerance
    /// through <paramref name="deployer"/> (idempotent against its manifest) and finds the corrections contract it created.
    /// </summary>
    /// <exception cref="ConfigurationException">The late tolerance is negative or not in whole seconds.</exception>
    public static Task<TraceabilityContracts> DeployAsync(EthereumClient reader, ContractDeployer deployer, TraceabilityOptions options, CancellationToken cancellationToken = default) =>
        DeployAsync(reader, deployer, options, EvmTarget.Cancun, cancellationToken);

    /// <summary>As <see cref="DeployAsync(EthereumClient, ContractDeployer, TraceabilityOptions, CancellationToken)"/>, with the contracts built for <paramref name="evmTarget"/>.</summary>
    /// <exception cref="ConfigurationException">The late tolerance is negative or not in whole seconds.</exception>
    public static async Task<TraceabilityContracts> DeployAsync(EthereumClient reader, ContractDeployer deployer, TraceabilityOptions options, EvmTarget evmTarget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.LateTolerance < TimeSpan.Zero || options.LateTolerance.Ticks % TimeSpan.TicksPerSecond != 0 || options.InvitationApprovals < 1)
        {
            throw new ConfigurationException("On Ethereum Traceability needs a late tolerance in whole seconds (not negative) and at least one invitation approval.");
        }

        OnChain.Participant[] genesis = [.. options.GenesisParticipants.Select(p => new OnChain.Participant(p.Address, p.Name, (byte)p.Role, p.IsAdmin, 0, 0))];
        (DeployedContract chain, _) = await deployer.DeployAsync(
            ContractName,
            ApplicationBytecode.Of(typeof(TraceabilityContracts).Assembly, ContractName, evmTarget),
            OnChain.EncodeDeployment(genesis, (uint)options.InvitationApprovals, (ulong)options.LateTolerance.TotalSeconds),
            OnChain.Errors,
            cancellationToken).ConfigureAwait(false);
        Address corrections = await new OnChain(reader, chain.Address).CorrectionsAsync(cancellationToken).ConfigureAwait(false);
        return new TraceabilityContracts(chain.Address, corrections, chain.Block);
    }
}
