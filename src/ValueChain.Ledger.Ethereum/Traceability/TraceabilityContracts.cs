using ValueChain.Traceability;
using OnChain = ValueChain.Ledger.Ethereum.Contracts.PartChain;

namespace ValueChain.Ledger.Ethereum.Traceability;

/// <summary>Where PartChain stands on a chain.</summary>
/// <param name="PartChain">The PartChain contract: participants, parts, orders, deliveries, handovers.</param>
/// <param name="Corrections">The ownership-correction contract PartChain created.</param>
/// <param name="DeploymentBlock">The block PartChain was deployed in, where history queries start.</param>
public sealed record TraceabilityContracts(Address PartChain, Address Corrections, ulong DeploymentBlock)
{
    /// <summary>
    /// Deploys PartChain with <paramref name="options"/>' genesis participants, invitation approvals and late tolerance
    /// through <paramref name="deployer"/> (idempotent against its manifest) and finds the corrections contract it created.
    /// </summary>
    /// <exception cref="ConfigurationException">The late tolerance is negative or not in whole seconds.</exception>
    public static async Task<TraceabilityContracts> DeployAsync(EthereumClient reader, ContractDeployer deployer, TraceabilityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.LateTolerance < TimeSpan.Zero || options.LateTolerance.Ticks % TimeSpan.TicksPerSecond != 0 || options.InvitationApprovals < 1)
        {
            throw new ConfigurationException("On Ethereum PartChain needs a late tolerance in whole seconds (not negative) and at least one invitation approval.");
        }

        OnChain.Participant[] genesis = [.. options.GenesisParticipants.Select(p => new OnChain.Participant(p.Address, p.Name, (byte)p.Role, p.IsAdmin, 0, 0))];
        (DeployedContract chain, _) = await deployer.DeployAsync(
            nameof(PartChain),
            ApplicationBytecode.Of(nameof(PartChain)),
            OnChain.EncodeDeployment(genesis, (uint)options.InvitationApprovals, (ulong)options.LateTolerance.TotalSeconds),
            OnChain.Errors,
            cancellationToken).ConfigureAwait(false);
        Address corrections = await new OnChain(reader, chain.Address).CorrectionsAsync(cancellationToken).ConfigureAwait(false);
        return new TraceabilityContracts(chain.Address, corrections, chain.Block);
    }
}
