using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility;
using ValueChain.Flexibility.Ethereum;

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
    /// Resolve the port at start-up (or call <see cref="FlexibilityContracts.DeployAsync"/> yourself) if no thread
    /// may wait for a deployment.
    /// </remarks>
    public static ValueChainBuilder AddFlexibilityOnEthereum(this ValueChainBuilder builder, Action<FlexibilityEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<FlexibilityEthereumOptions>().Configure(configure).ValidateOnStart();
        return Register(builder);
    }

    /// <summary>As <see cref="AddFlexibilityOnEthereum(ValueChainBuilder, Action{FlexibilityEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddFlexibilityOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<FlexibilityEthereumOptions>().Bind(configuration).ValidateOnStart();
        return Register(builder);
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlexibilityEthereumOptions>, FlexibilityEthereumOptionsValidator>());
        services.AddOptions<FlexibilityOptions>();
        services.TryAddSingleton(provider =>
        {
            FlexibilityEthereumOptions options = provider.GetRequiredService<IOptions<FlexibilityEthereumOptions>>().Value;
            return ApplicationDeployment.DeployOrBind(
                provider,
                options.ManifestPath,
                () => new FlexibilityContracts(Address.Parse(options.WhitelistAddress!), Address.Parse(options.TokenAddress!), Address.Parse(options.PlatformAddress!)),
                (client, deployer) => FlexibilityContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<FlexibilityOptions>>().Value));
        });
        services.Replace(ServiceDescriptor.Singleton<IFlexibilityContract>(provider =>
            new FlexibilityEthereumAdapter(provider.GetRequiredService<SignerClients>(), provider.GetRequiredService<FlexibilityContracts>())));
        return builder;
    }
}
