using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.AppMarket;
using ValueChain.AppMarket.Ethereum;
using ValueChain.Ledger.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the app marketplace on the Ethereum driver.</summary>
public static class AppMarketEthereumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAppMarketContract"/> as the Solidity adapter, in place of the chaincode adapter
    /// <c>AddAppMarket</c> registers for the chaincode drivers, whatever the order of the calls. With
    /// <see cref="AppMarketEthereumOptions.ManifestPath"/> the contracts are deployed from <see cref="AppMarketOptions"/>
    /// by the signer of <c>UseEthereum</c> when the manifest does not exist yet, and bound to when it does; with the
    /// contracts' addresses they are bound directly. The options are validated at start-up.
    /// </summary>
    /// <remarks>
    /// DI factories are synchronous, so the deploy-or-bind runs once, when the port is first resolved, and blocks that
    /// thread until the manifest is read or the deployment is mined (a singleton: later resolutions reuse it).
    /// </remarks>
    public static ValueChainBuilder AddAppMarketOnEthereum(this ValueChainBuilder builder, Action<AppMarketEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, options => options.Configure(configure));
    }

    /// <summary>As <see cref="AddAppMarketOnEthereum(ValueChainBuilder, Action{AppMarketEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddAppMarketOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, options => options.Bind(configuration));
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder, Action<OptionsBuilder<AppMarketEthereumOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AppMarketOptions>(); // what the deployment reads; AddAppMarket configures it
        return ApplicationRegistration.AddApplication<AppMarketEthereumOptions, AppMarketEthereumOptionsValidator, AppMarketContracts, IAppMarketContract>(
            builder,
            options,
            (provider, o) => ApplicationDeployment.DeployOrBind(
                provider,
                o.ManifestPath,
                () => new AppMarketContracts(Address.Parse(o.MembersAddress!), Address.Parse(o.CatalogAddress!), Address.Parse(o.TokenAddress!), Address.Parse(o.MarketAddress!)),
                (client, deployer) => AppMarketContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<AppMarketOptions>>().Value, o.EvmTarget)),
            (clients, contracts) => new AppMarketEthereumAdapter(clients, contracts));
    }
}
