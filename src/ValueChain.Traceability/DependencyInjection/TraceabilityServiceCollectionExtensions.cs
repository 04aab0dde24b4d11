using Microsoft.Extensions.DependencyInjection.Extensions;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Traceability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PartChain (traceability) to ValueChain.</summary>
public static class TraceabilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds PartChain: deploys <see cref="TraceabilityChaincode"/> on drivers that run C# chaincodes and
    /// registers <see cref="ITraceabilityContract"/> over the gateway. Drivers with their own
    /// implementation (Ethereum) replace the contract registration.
    /// </summary>
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, Action<TraceabilityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TraceabilityOptions();
        configure(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode>(new TraceabilityChaincode(options)));
        builder.Services.TryAddSingleton<ITraceabilityContract>(provider => new TraceabilityChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        return builder;
    }
}
