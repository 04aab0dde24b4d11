using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The DI registration every application's Ethereum package makes, written once: its options (configured by
/// the caller, validated at start-up), its contracts (deploy-or-bind, once, when first resolved) and its port as
/// the Solidity adapter, in place of the chaincode adapter the application registers for the chaincode drivers,
/// whatever the order of the calls.
/// </summary>
public static class ApplicationRegistration
{
    /// <summary>Registers <typeparamref name="TOptions"/>, <typeparamref name="TContracts"/> and <typeparamref name="TPort"/> for one application.</summary>
    /// <typeparam name="TOptions">The package's options (for example <c>TraceabilityEthereumOptions</c>).</typeparam>
    /// <typeparam name="TValidator">Their start-up validator.</typeparam>
    /// <typeparam name="TContracts">Where the application's contracts stand.</typeparam>
    /// <typeparam name="TPort">The application's port.</typeparam>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="options">Configures or binds the options.</param>
    /// <param name="contracts">The contracts from the options (see <see cref="ApplicationDeployment"/>).</param>
    /// <param name="adapter">The adapter over the contracts.</param>
    public static ValueChainBuilder AddApplication<TOptions, TValidator, TContracts, TPort>(
        ValueChainBuilder builder,
        Action<OptionsBuilder<TOptions>> options,
        Func<IServiceProvider, TOptions, TContracts> contracts,
        Func<SignerClients, TContracts, TPort> adapter)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TContracts : class
        where TPort : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(adapter);
        IServiceCollection services = builder.Services;
        OptionsBuilder<TOptions> registered = services.AddOptions<TOptions>();
        options(registered);
        registered.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(provider => contracts(provider, provider.GetRequiredService<IOptions<TOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton(provider => adapter(provider.GetRequiredService<SignerClients>(), provider.GetRequiredService<TContracts>())));
        return builder;
    }
}
