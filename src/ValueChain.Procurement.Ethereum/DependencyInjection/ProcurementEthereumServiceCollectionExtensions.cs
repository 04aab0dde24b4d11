using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement;
using ValueChain.Procurement.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the procurement marketplace on the Ethereum driver.</summary>
public static class ProcurementEthereumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IProcurementContract"/> as the Solidity adapter, in place of the chaincode adapter
    /// <c>AddProcurement</c> registers for the chaincode drivers, whatever the order of the calls. With
    /// <see cref="ProcurementEthereumOptions.ManifestPath"/> the contracts are deployed from <see cref="ProcurementOptions"/>
    /// by the signer of <c>UseEthereum</c> when the manifest does not exist yet, and bound to when it does; with the
    /// contracts' addresses they are bound directly. The options are validated at start-up.
    /// </summary>
    /// <remarks>
    /// DI factories are synchronous, so the deploy-or-bind runs once, when the port is first resolved, and blocks that
    /// thread until the manifest is read or the deployment is mined (a singleton: later resolutions reuse it).
    /// </remarks>
    public static ValueChainBuilder AddProcurementOnEthereum(this ValueChainBuilder builder, Action<ProcurementEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, options => options.Configure(configure));
    }

    /// <summary>As <see cref="AddProcurementOnEthereum(ValueChainBuilder, Action{ProcurementEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddProcurementOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, options => options.Bind(configuration));
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder, Action<OptionsBuilder<ProcurementEthereumOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProcurementOptions>(); // what the deployment reads; AddProcurement configures it
        return ApplicationRegistration.AddApplication<ProcurementEthereumOptions, ProcurementEthereumOptionsValidator, ProcurementContracts, IProcurementContract>(
            builder,
            options,
            (provider, o) => ApplicationDeployment.DeployOrBind(
                provider,
                o.ManifestPath,
                () => new ProcurementContracts(Address.Parse(o.MembersAddress!), Address.Parse(o.TokenAddress!), Address.Parse(o.MarketAddress!), Address.Parse(o.BookAddress!)),
                (client, deployer) => ProcurementContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<ProcurementOptions>>().Value, o.EvmTarget)),
            (clients, contracts) => new ProcurementEthereumAdapter(clients, contracts));
    }
}
