using ValueChain.Ledger.Ethereum;

namespace ValueChain.V2V.Ethereum;

/// <summary>
/// Where <c>AddV2VOnEthereum</c> finds the obstacle map's contract: a deployment manifest (deployed from
/// <see cref="V2VOptions"/> when the manifest does not exist yet, bound when it does), or the address of a contract
/// deployed elsewhere. Set one of the two. Bindable from configuration.
/// </summary>
public sealed class V2VEthereumOptions
{
    /// <summary>The deployment manifest (JSON) to deploy into or bind from, for example <c>v2v.deployment.json</c>.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The address of a deployed V2VMap (0x-prefixed hex), instead of a manifest.</summary>
    public string? MapAddress { get; set; }

    /// <summary>
    /// The EVM version of the contracts deployed from <see cref="ManifestPath"/>: Cancun (the default), or Shanghai for
    /// older consortium chains. Contracts already deployed are bound whatever they were built for.
    /// </summary>
    public EvmTarget EvmTarget { get; set; } = EvmTarget.Cancun;
}
