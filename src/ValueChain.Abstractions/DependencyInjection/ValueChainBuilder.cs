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
}
