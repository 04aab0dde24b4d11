using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ValueChain;

/// <summary>Adds one health check registration per driver descriptor, whatever the order of <c>Use…</c> and <c>AddValueChainHealthChecks()</c>.</summary>
internal sealed class ValueChainHealthCheckOptionsSetup(IEnumerable<ValueChainHealthCheckDescriptor> descriptors) : IConfigureOptions<HealthCheckServiceOptions>
{
    internal static readonly string[] Tags = ["valuechain"];

    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (ValueChainHealthCheckDescriptor descriptor in descriptors)
        {
            options.Registrations.Add(new HealthCheckRegistration(
                descriptor.Name,
                provider => (IHealthCheck)provider.GetRequiredService(descriptor.CheckType),
                HealthStatus.Unhealthy,
                Tags));
        }
    }
}
