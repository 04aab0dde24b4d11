using Microsoft.Extensions.DependencyInjection;

namespace ValueChain;

/// <summary>
/// Collects the configuration of one <c>AddValueChain</c> call. Driver packages add
/// <c>Use…Ledger</c> extensions and application packages add <c>Add…</c> extensions on it.
/// </summary>
public sealed class ValueChainBuilder
{
    internal ValueChainBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The name of the configured ledger driver, or null when none was chosen yet.</summary>
    public string? LedgerDriver { get; private set; }

    /// <summary>
    /// Records that a ledger driver was configured. Called by driver packages; exactly one driver
    /// may be configured.
    /// </summary>
    /// <param name="name">The driver's name, for messages (for example "in-memory").</param>
    /// <exception cref="ConfigurationException">Another driver is already configured.</exception>
    public ValueChainBuilder UseLedgerDriver(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (LedgerDriver is not null && LedgerDriver != name)
        {
            throw new ConfigurationException($"Two ledger drivers are configured ('{LedgerDriver}' and '{name}'); choose one per AddValueChain call.");
        }

        LedgerDriver = name;
        return this;
    }

    /// <summary>
    /// Records that an application's <c>Add…</c> method was called on this service collection. Called by
    /// application packages: the first call for an application registers its services; a later call without
    /// settings is a no-op; a later call with settings (a configure delegate or a configuration section) after
    /// one that had settings is refused, because one deployment of an application has one set of options.
    /// </summary>
    /// <typeparam name="TOptions">The application's options type.</typeparam>
    /// <param name="addMethod">The application's method, for messages (for example "AddTraceability").</param>
    /// <param name="configuresOptions">Whether this call brings settings.</param>
    /// <returns>True for the application's first call on the service collection: register its services then.</returns>
    /// <exception cref="ConfigurationException">An earlier call brought settings and this one does too.</exception>
    public bool RegisterApplication<TOptions>(string addMethod, bool configuresOptions)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(addMethod);
        ApplicationRegistry? registry = Services
            .Where(d => !d.IsKeyedService && d.ServiceType == typeof(ApplicationRegistry))
            .Select(d => d.ImplementationInstance)
            .OfType<ApplicationRegistry>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new ApplicationRegistry();
            Services.AddSingleton(registry);
        }

        return registry.Register(typeof(TOptions), addMethod, configuresOptions);
    }
}
