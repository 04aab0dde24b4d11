using ValueChain.Ledger.Ethereum;

namespace ValueChain.Flexibility.Ethereum;

/// <summary>
/// Where <c>AddFlexibilityOnEthereum</c> finds the market's contracts: a deployment manifest (deployed from
/// <see cref="FlexibilityOptions"/> when the manifest does not exist yet, bound when it does), or the addresses of
/// contracts deployed elsewhere. Set one of the two. Bindable from configuration.
/// </summary>
public sealed class FlexibilityEthereumOptions
{
    /// <summary>The deployment manifest (JSON) to deploy into or bind from, for example <c>flexibility.deployment.json</c>.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The address of a deployed FlexWhitelist (0x-prefixed hex), instead of a manifest.</summary>
    public string? WhitelistAddress { get; set; }

    /// <summary>The address of the deployed FlexToken.</summary>
    public string? TokenAddress { get; set; }

    /// <summary>The address of the deployed FlexPlatform.</summary>
    public string? PlatformAddress { get; set; }

    /// <summary>
    /// The EVM version of the contracts deployed from <see cref="ManifestPath"/>: Cancun (the default), or Shanghai for
    /// older consortium chains. Contracts already deployed are bound whatever they were built for.
    /// </summary>
    public EvmTarget EvmTarget { get; set; } = EvmTarget.Cancun;
}
