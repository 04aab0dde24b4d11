using ValueChain.Ledger.Ethereum;

namespace ValueChain.Traceability.Ethereum;

/// <summary>
/// Where <c>AddTraceabilityOnEthereum</c> finds the Traceability contracts: a deployment manifest (deployed from
/// <see cref="TraceabilityOptions"/> when the manifest does not exist yet, bound when it does), or the addresses of
/// contracts deployed elsewhere. Set one of the two. Bindable from configuration.
/// </summary>
public sealed class TraceabilityEthereumOptions
{
    /// <summary>The deployment manifest (JSON) to deploy into or bind from, for example <c>traceability.deployment.json</c>.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The address of a deployed Traceability contract (0x-prefixed hex), instead of a manifest.</summary>
    public string? ContractAddress { get; set; }

    /// <summary>The address of the corrections contract that <see cref="ContractAddress"/> created.</summary>
    public string? CorrectionsAddress { get; set; }

    /// <summary>The block <see cref="ContractAddress"/> was deployed in, where history queries start. Default 0.</summary>
    public ulong DeploymentBlock { get; set; }

    /// <summary>
    /// The EVM version of the contracts deployed from <see cref="ManifestPath"/>: Cancun (the default), or Shanghai for
    /// older consortium chains. Contracts already deployed are bound whatever they were built for.
    /// </summary>
    public EvmTarget EvmTarget { get; set; } = EvmTarget.Cancun;
}
