using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Flexibility;
using ValueChain.Ledger;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the EV flexibility market to ValueChain.</summary>
public static class FlexibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the market: <see cref="FlexibilityOptions"/> through <see cref="IOptions{TOptions}"/>, checked at start-up by
    /// <see cref="FlexibilityOptionsValidator"/>; <see cref="FlexibilityChaincode"/>, built from the options when the
    /// ledger first needs it, for drivers that run C# chaincodes; <see cref="IFlexibilityContract"/> over the gateway
    /// (registered with TryAdd, so the application's Ethereum package or a host can put its own in place); and
    /// <see cref="FlexibilityClientFactory"/>.
    /// </summary>
    /// <remarks>
    /// One call may bring settings; calling <c>AddFlexibility()</c> again without arguments changes nothing, and a
    /// second call with settings is refused. The verifiers have no default: start-up fails naming
    /// <see cref="FlexibilityOptions.Verifiers"/> until one is set.
    /// </remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddFlexibility</c> call on the service collection brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddFlexibility(this ValueChainBuilder builder, Action<FlexibilityOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<FlexibilityOptions, FlexibilityOptionsValidator>(builder, nameof(AddFlexibility), configure, RegisterServices);

    /// <summary>
    /// Adds the market as <see cref="AddFlexibility(ValueChainBuilder, Action{FlexibilityOptions}?)"/> does, with
    /// <see cref="FlexibilityOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:Flexibility")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddFlexibility</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddFlexibility(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<FlexibilityOptions, FlexibilityOptionsValidator>(
            builder,
            nameof(AddFlexibility),
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<FlexibilityOptions, MarketParticipant>(section, nameof(FlexibilityOptions.Verifiers)));

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, FlexibilityChaincode>(
            provider => new FlexibilityChaincode(provider.GetRequiredService<IOptions<FlexibilityOptions>>().Value)));
        services.TryAddSingleton<IFlexibilityContract>(provider => new FlexibilityChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        services.TryAddSingleton(provider => new FlexibilityClientFactory(provider.GetRequiredService<IFlexibilityContract>()));
    }
}
