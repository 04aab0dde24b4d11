using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Traceability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds traceability (PartChain) to ValueChain.</summary>
public static class TraceabilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds traceability: <see cref="TraceabilityOptions"/> through <see cref="IOptions{TOptions}"/>, checked at start-up by
    /// <see cref="TraceabilityOptionsValidator"/>; <see cref="TraceabilityChaincode"/>, built from the options when the
    /// ledger first needs it, for drivers that run C# chaincodes; <see cref="ITraceabilityContract"/> over the gateway
    /// (registered with TryAdd, so the application's Ethereum package or a host can put its own in place); and
    /// <see cref="TraceabilityClientFactory"/>.
    /// </summary>
    /// <remarks>
    /// One call may bring settings; calling <c>AddTraceability()</c> again without arguments changes nothing, and a
    /// second call with settings is refused. The genesis participants have no default: start-up fails naming
    /// <see cref="TraceabilityOptions.GenesisParticipants"/> until one admin is set.
    /// </remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddTraceability</c> call on the service collection brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, Action<TraceabilityOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<TraceabilityOptions, TraceabilityOptionsValidator>(builder, nameof(AddTraceability), configure, RegisterServices);

    /// <summary>
    /// Adds traceability as <see cref="AddTraceability(ValueChainBuilder, Action{TraceabilityOptions}?)"/> does, with
    /// <see cref="TraceabilityOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:Traceability")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddTraceability</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<TraceabilityOptions, TraceabilityOptionsValidator>(
            builder,
            nameof(AddTraceability),
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<TraceabilityOptions, Participant>(section, nameof(TraceabilityOptions.GenesisParticipants)));

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, TraceabilityChaincode>(
            provider => new TraceabilityChaincode(provider.GetRequiredService<IOptions<TraceabilityOptions>>().Value)));
        services.TryAddSingleton<ITraceabilityContract>(provider => new TraceabilityChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        services.TryAddSingleton(provider => new TraceabilityClientFactory(provider.GetRequiredService<ITraceabilityContract>()));
    }
}
