using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ValueChain;

/// <summary>
/// The DI registration every application package makes in its <c>Add…</c> methods, written once: its options
/// (configured by a delegate or bound from configuration, validated at start-up), one set of them per service
/// collection (see <see cref="ValueChainBuilder.RegisterApplication{TOptions}"/>), and its own services, registered
/// on the first call only.
/// </summary>
/// <remarks>
/// Every call adds to <c>IOptions&lt;TOptions&gt;</c> what it brings; a second call with settings after one that
/// had settings is refused before it adds anything; a call without settings changes nothing after the first.
/// </remarks>
public static class ApplicationOptionsRegistration
{
    /// <summary>Registers an application whose options, if any, are set by <paramref name="configure"/>.</summary>
    /// <typeparam name="TOptions">The application's options (for example <c>TraceabilityOptions</c>).</typeparam>
    /// <typeparam name="TValidator">Their start-up validator.</typeparam>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="addMethod">The application's <c>Add…</c> method, for messages (for example "AddTraceability").</param>
    /// <param name="configure">Sets the options; null brings no settings.</param>
    /// <param name="registerServices">Registers the application's own services (chaincode, port, client factory); run on its first call only.</param>
    /// <exception cref="ConfigurationException">An earlier call brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddApplication<TOptions, TValidator>(
        ValueChainBuilder builder,
        string addMethod,
        Action<TOptions>? configure,
        Action<IServiceCollection> registerServices)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<TOptions> options = Register<TOptions, TValidator>(builder, addMethod, configure is not null, registerServices);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Registers an application whose options are bound from <paramref name="configuration"/>, with
    /// <paramref name="listValidators"/> checking at start-up that every entry of its list settings could be read.
    /// </summary>
    /// <typeparam name="TOptions">The application's options (for example <c>TraceabilityOptions</c>).</typeparam>
    /// <typeparam name="TValidator">Their start-up validator.</typeparam>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="addMethod">The application's <c>Add…</c> method, for messages (for example "AddTraceability").</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <param name="registerServices">Registers the application's own services (chaincode, port, client factory); run on its first call only.</param>
    /// <param name="listValidators">
    /// For each list property of the options, the <see cref="ConfigurationListValidator{TOptions, TItem}"/> over the
    /// section it is given (<paramref name="configuration"/>).
    /// </param>
    /// <exception cref="ConfigurationException">An earlier call brought settings.</exception>
    public static ValueChainBuilder AddApplication<TOptions, TValidator>(
        ValueChainBuilder builder,
        string addMethod,
        IConfiguration configuration,
        Action<IServiceCollection> registerServices,
        params Func<IConfiguration, IValidateOptions<TOptions>>[] listValidators)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(listValidators);
        Register<TOptions, TValidator>(builder, addMethod, configuresOptions: true, registerServices).Bind(configuration);
        foreach (Func<IConfiguration, IValidateOptions<TOptions>> listValidator in listValidators)
        {
            // Not TryAddEnumerable: two lists of the same item type have validators of the same type.
            builder.Services.AddSingleton(listValidator(configuration));
        }

        return builder;
    }

    private static OptionsBuilder<TOptions> Register<TOptions, TValidator>(
        ValueChainBuilder builder,
        string addMethod,
        bool configuresOptions,
        Action<IServiceCollection> registerServices)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(registerServices);
        IServiceCollection services = builder.Services;
        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>();
        if (!builder.RegisterApplication<TOptions>(addMethod, configuresOptions))
        {
            return options;
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        registerServices(services);
        return options;
    }
}
