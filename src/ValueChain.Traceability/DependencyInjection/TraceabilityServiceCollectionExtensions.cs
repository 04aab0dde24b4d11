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
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, Action<TraceabilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<TraceabilityOptions> options = Register(builder, configure is not null);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Adds traceability as <see cref="AddTraceability(ValueChainBuilder, Action{TraceabilityOptions}?)"/> does, with
    /// <see cref="TraceabilityOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:Traceability")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddTraceability</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        Register(builder, configuresOptions: true).Bind(configuration);
        builder.Services.AddSingleton<IValidateOptions<TraceabilityOptions>>(new ConfigurationListValidator<TraceabilityOptions, Participant>(configuration, nameof(TraceabilityOptions.GenesisParticipants)));
        return builder;
    }

    private static OptionsBuilder<TraceabilityOptions> Register(ValueChainBuilder builder, bool configuresOptions)
    {
        IServiceCollection services = builder.Services;
        OptionsBuilder<TraceabilityOptions> options = services.AddOptions<TraceabilityOptions>();
        if (!builder.RegisterApplication<TraceabilityOptions>(nameof(AddTraceability), configuresOptions))
        {
            return options;
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TraceabilityOptions>, TraceabilityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, TraceabilityChaincode>(
            provider => new TraceabilityChaincode(provider.GetRequiredService<IOptions<TraceabilityOptions>>().Value)));
        services.TryAddSingleton<ITraceabilityContract>(provider => new TraceabilityChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        services.TryAddSingleton(provider => new TraceabilityClientFactory(provider.GetRequiredService<ITraceabilityContract>()));
        return options;
    }
}
