using ValueChain.Ledger.Ethereum;

namespace ValueChain.Procurement.Ethereum;

/// <summary>
/// Where <c>AddProcurementOnEthereum</c> finds the marketplace's contracts: a deployment manifest (deployed from
/// <see cref="ProcurementOptions"/> when the manifest does not exist yet, bound when it does), or the addresses of
/// contracts deployed elsewhere. Set one of the two. Bindable from configuration.
/// </summary>
public sealed class ProcurementEthereumOptions
{
    /// <summary>The deployment manifest (JSON) to deploy into or bind from, for example <c>procurement.deployment.json</c>.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The address of a deployed ProcurementMembers (0x-prefixed hex), instead of a manifest.</summary>
    public string? MembersAddress { get; set; }

    /// <summary>The address of the deployed ProcurementToken.</summary>
    public string? TokenAddress { get; set; }

    /// <summary>The address of the deployed ProcurementMarket (the escrow account).</summary>
    public string? MarketAddress { get; set; }

    /// <summary>The address of the deployed ProcurementBook.</summary>
    public string? BookAddress { get; set; }

    /// <summary>
    /// The EVM version of the contracts deployed from <see cref="ManifestPath"/>: Cancun (the default), or Shanghai for
    /// older consortium chains. Contracts already deployed are bound whatever they were built for.
    /// </summary>
    public EvmTarget EvmTarget { get; set; } = EvmTarget.Cancun;
}
