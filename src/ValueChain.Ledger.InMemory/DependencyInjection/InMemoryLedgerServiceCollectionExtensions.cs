using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded ledger as the ValueChain ledger driver.</summary>
public static class InMemoryLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Uses the embedded ledger. Registers <see cref="InMemoryLedger"/> as <see cref="IContractGateway"/>
    /// and <see cref="ILedgerTimeControl"/>, running every <see cref="IChaincode"/> in the container.
    /// Options are validated when the ledger is first resolved (and at host start). Offers
    /// <see cref="InMemoryLedgerHealthCheck"/> to <c>AddValueChainHealthChecks()</c>.
    /// </summary>
    public static ValueChainBuilder UseInMemoryLedger(this ValueChainBuilder builder, Action<InMemoryLedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseLedgerDriver("in-memory");
        IServiceCollection services = builder.Services;
        OptionsBuilder<InMemoryLedgerOptions> options = services.AddOptions<InMemoryLedgerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InMemoryLedgerOptions>, InMemoryLedgerOptionsValidator>());
        services.TryAddSingleton(provider => InMemoryLedger.Open(
            provider.GetRequiredService<IOptions<InMemoryLedgerOptions>>().Value,
            provider.GetServices<IChaincode>(),
            provider.GetService<ILogger<InMemoryLedger>>()));
        services.TryAddSingleton<IContractGateway>(provider => provider.GetRequiredService<InMemoryLedger>());
        services.TryAddSingleton<ILedgerTimeControl>(provider => provider.GetRequiredService<InMemoryLedger>());
        services.AddValueChainHealthCheck<InMemoryLedgerHealthCheck>(InMemoryLedgerHealthCheck.Name);
        return builder;
    }
}
