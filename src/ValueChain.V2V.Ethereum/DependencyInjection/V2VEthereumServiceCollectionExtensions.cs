using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger.Ethereum;
using ValueChain.V2V;
using ValueChain.V2V.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the obstacle map on the Ethereum driver.</summary>
public static class V2VEthereumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IV2VContract"/> as the Solidity adapter, in place of the chaincode adapter <c>AddV2V</c>
    /// registers for the chaincode drivers, whatever the order of the calls. With
    /// <see cref="V2VEthereumOptions.ManifestPath"/> the contract is deployed from <see cref="V2VOptions"/> by the signer
    /// of <c>UseEthereum</c> when the manifest does not exist yet, and bound to when it does; with
    /// <see cref="V2VEthereumOptions.MapAddress"/> it is bound directly. The options are validated at start-up.
    /// </summary>
    /// <remarks>The deploy-or-bind runs once, when the port is first resolved, and blocks that thread until done (DI factories are synchronous).</remarks>
    public static ValueChainBuilder AddV2VOnEthereum(this ValueChainBuilder builder, Action<V2VEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, options => options.Configure(configure));
    }

    /// <summary>As <see cref="AddV2VOnEthereum(ValueChainBuilder, Action{V2VEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddV2VOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, options => options.Bind(configuration));
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder, Action<OptionsBuilder<V2VEthereumOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<V2VOptions>(); // what the deployment reads; AddV2V configures it
        return ApplicationRegistration.AddApplication<V2VEthereumOptions, V2VEthereumOptionsValidator, V2VContracts, IV2VContract>(
            builder,
            options,
            (provider, o) => ApplicationDeployment.DeployOrBind(
                provider,
                o.ManifestPath,
                () => new V2VContracts(Address.Parse(o.MapAddress!)),
                (client, deployer) => V2VContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<V2VOptions>>().Value, o.EvmTarget)),
            (clients, contracts) => new V2VEthereumAdapter(clients, contracts));
    }
}
