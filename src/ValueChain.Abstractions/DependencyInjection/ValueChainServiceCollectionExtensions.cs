using ValueChain;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ValueChain SDK in a service collection.</summary>
public static class ValueChainServiceCollectionExtensions
{
    /// <summary>
    /// Adds ValueChain: <paramref name="configure"/> chooses one ledger driver
    /// (<c>UseInMemoryLedger</c>, <c>UseEthereum</c> or <c>UseFabric</c>) and the applications.
    /// </summary>
    /// <exception cref="ConfigurationException">No ledger driver, or more than one, was configured.</exception>
    public static IServiceCollection AddValueChain(this IServiceCollection services, Action<ValueChainBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ValueChainBuilder(services);
        configure(builder);
        if (builder.LedgerDriver is null)
        {
            throw new ConfigurationException(
                "No ledger driver is configured. Inside AddValueChain, call UseInMemoryLedger() (package ValueChain.Ledger.InMemory), " +
                "UseEthereum(...) (ValueChain.Ledger.Ethereum) or UseFabric(...) (ValueChain.Ledger.Fabric).");
        }

        return services;
    }
}
