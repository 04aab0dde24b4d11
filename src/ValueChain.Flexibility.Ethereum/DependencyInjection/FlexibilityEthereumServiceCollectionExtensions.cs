using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Flexibility;
using ValueChain.Flexibility.Ethereum;
using ValueChain.Ledger.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the flexibility market on the Ethereum driver.</summary>
public static class FlexibilityEthereumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFlexibilityContract"/> as the Solidity adapter, in place of the chaincode adapter
    /// <c>AddFlexibility</c> registers for the chaincode drivers, whatever the order of the calls. With
    /// <see cref="FlexibilityEthereumOptions.ManifestPath"/> the contracts are deployed from
    /// <see cref="FlexibilityOptions"/> (verifiers, market clock, penalty grace, kind of offers) by the signer of
    /// <c>UseEthereum</c>, which must be one of the options' verifiers, when the manifest does not exist yet, and bound
    /// to when it does; with the contracts' addresses they are bound directly. The options are validated at start-up.
    /// </summary>
    /// <remarks>
    /// DI factories are synchronous, so the deploy-or-bind runs once, when the port is first resolved, and blocks
    /// that thread until the manifest is read or the deployment is mined (a singleton: later resolutions reuse it).
    /// </remarks>
    public static ValueChainBuilder AddFlexibilityOnEthereum(this ValueChainBuilder builder, Action<FlexibilityEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, options => options.Configure(configure));
    }

    /// <summary>As <see cref="AddFlexibilityOnEthereum(ValueChainBuilder, Action{FlexibilityEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddFlexibilityOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, options => options.Bind(configuration));
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder, Action<OptionsBuilder<FlexibilityEthereumOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FlexibilityOptions>(); // what the deployment reads; AddFlexibility configures it
        return ApplicationRegistration.AddApplication<FlexibilityEthereumOptions, FlexibilityEthereumOptionsValidator, FlexibilityContracts, IFlexibilityContract>(
            builder,
            options,
            (provider, o) => ApplicationDeployment.DeployOrBind(
                provider,
                o.ManifestPath,
                () => new FlexibilityContracts(Address.Parse(o.WhitelistAddress!), Address.Parse(o.TokenAddress!), Address.Parse(o.PlatformAddress!)),
                (client, deployer) => FlexibilityContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<FlexibilityOptions>>().Value, o.EvmTarget)),
            (clients, contracts) => new FlexibilityEthereumAdapter(clients, contracts));
    }
}
