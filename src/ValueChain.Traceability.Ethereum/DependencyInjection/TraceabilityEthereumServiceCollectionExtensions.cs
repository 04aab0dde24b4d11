using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger.Ethereum;
using ValueChain.Traceability;
using ValueChain.Traceability.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the Traceability application on the Ethereum driver.</summary>
public static class TraceabilityEthereumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITraceabilityContract"/> as the Solidity adapter, in place of the chaincode adapter
    /// <c>AddTraceability</c> registers for the chaincode drivers, whatever the order of the calls. With
    /// <see cref="TraceabilityEthereumOptions.ManifestPath"/> the contracts are deployed from
    /// <see cref="TraceabilityOptions"/> (genesis participants, invitation approvals, late tolerance) by the signer of
    /// <c>UseEthereum</c> when the manifest does not exist yet, and bound to when it does; with the contracts'
    /// addresses they are bound directly. The options are validated at start-up.
    /// </summary>
    /// <remarks>
    /// DI factories are synchronous, so the deploy-or-bind runs once, when the port is first resolved, and blocks
    /// that thread until the manifest is read or the deployment is mined (a singleton: later resolutions reuse it).
    /// Resolve the port at start-up (or call <see cref="TraceabilityContracts.DeployAsync(EthereumClient, ContractDeployer, TraceabilityOptions, EvmTarget, CancellationToken)"/> yourself) if no thread
    /// may wait for a deployment.
    /// </remarks>
    public static ValueChainBuilder AddTraceabilityOnEthereum(this ValueChainBuilder builder, Action<TraceabilityEthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, options => options.Configure(configure));
    }

    /// <summary>As <see cref="AddTraceabilityOnEthereum(ValueChainBuilder, Action{TraceabilityEthereumOptions})"/>, with the options bound from <paramref name="configuration"/>.</summary>
    public static ValueChainBuilder AddTraceabilityOnEthereum(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, options => options.Bind(configuration));
    }

    private static ValueChainBuilder Register(ValueChainBuilder builder, Action<OptionsBuilder<TraceabilityEthereumOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TraceabilityOptions>(); // what the deployment reads; AddTraceability configures it
        return ApplicationRegistration.AddApplication<TraceabilityEthereumOptions, TraceabilityEthereumOptionsValidator, TraceabilityContracts, ITraceabilityContract>(
            builder,
            options,
            (provider, o) => ApplicationDeployment.DeployOrBind(
                provider,
                o.ManifestPath,
                () => new TraceabilityContracts(Address.Parse(o.ContractAddress!), Address.Parse(o.CorrectionsAddress!), o.DeploymentBlock),
                (client, deployer) => TraceabilityContracts.DeployAsync(client, deployer, provider.GetRequiredService<IOptions<TraceabilityOptions>>().Value, o.EvmTarget)),
            (clients, contracts) => new TraceabilityEthereumAdapter(clients, contracts));
    }
}
