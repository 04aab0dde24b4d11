using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Content;
using ValueChain.Ledger;
using ValueChain.V2V;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the obstacle map (vehicle-to-vehicle obstacle sharing) to ValueChain.</summary>
public static class V2VServiceCollectionExtensions
{
    /// <summary>
    /// Adds the obstacle map: <see cref="V2VOptions"/> through <see cref="IOptions{TOptions}"/>, checked at start-up by
    /// <see cref="V2VOptionsValidator"/>; <see cref="V2VChaincode"/>, built from the options when the ledger first needs
    /// it, for drivers that run C# chaincodes; <see cref="IV2VContract"/> over the gateway (registered with TryAdd, so the
    /// Ethereum package or a host can put its own in place); and <see cref="V2VClientFactory"/> over the registered
    /// <see cref="IContentStore"/> (<c>UseContentStore</c>).
    /// </summary>
    /// <remarks>
    /// One call may bring settings; calling <c>AddV2V()</c> again without arguments changes nothing, and a second call
    /// with settings is refused. The issuer and the authorities have no default: start-up fails naming them until set.
    /// </remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddV2V</c> call on the service collection brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddV2V(this ValueChainBuilder builder, Action<V2VOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<V2VOptions, V2VOptionsValidator>(builder, nameof(AddV2V), configure, RegisterServices);

    /// <summary>
    /// Adds the obstacle map as <see cref="AddV2V(ValueChainBuilder, Action{V2VOptions}?)"/> does, with
    /// <see cref="V2VOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:V2V")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddV2V</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddV2V(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<V2VOptions, V2VOptionsValidator>(
            builder,
            nameof(AddV2V),
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<V2VOptions, Address>(section, nameof(V2VOptions.Authorities)));

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, V2VChaincode>(
            provider => new V2VChaincode(provider.GetRequiredService<IOptions<V2VOptions>>().Value)));
        services.TryAddSingleton<IV2VContract>(provider => new V2VChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        services.TryAddSingleton(provider => new V2VClientFactory(
            provider.GetRequiredService<IV2VContract>(), provider.GetRequiredService<IContentStore>(), provider.GetRequiredService<IOptions<V2VOptions>>().Value.Rules));
    }
}
