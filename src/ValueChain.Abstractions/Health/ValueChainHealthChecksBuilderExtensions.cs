using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ValueChain;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health checks of the ValueChain drivers a host uses to its health checks.</summary>
public static class ValueChainHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check (tagged <c>valuechain</c>) for each driver and store the host registered — a ledger that is
    /// reachable, on the configured chain, channel or network, and advancing; a content store that answers.
    /// </summary>
    public static IHealthChecksBuilder AddValueChainHealthChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HealthCheckServiceOptions>, ValueChainHealthCheckOptionsSetup>());
        return builder;
    }

    /// <summary>For drivers: offers <typeparamref name="TCheck"/> under <paramref name="name"/> to <see cref="AddValueChainHealthChecks"/>.</summary>
    public static IServiceCollection AddValueChainHealthCheck<TCheck>(this IServiceCollection services, string name)
        where TCheck : class, IHealthCheck
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TCheck>();
        if (!services.Any(d => d.ImplementationInstance is ValueChainHealthCheckDescriptor existing && existing.Name == name))
        {
            services.AddSingleton(new ValueChainHealthCheckDescriptor(name, typeof(TCheck)));
        }

        return services;
    }
}
