using Microsoft.Extensions.DependencyInjection.Extensions;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Traceability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PartChain (traceability) to ValueChain.</summary>
public static class TraceabilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds PartChain: deploys <see cref="PartChainChaincode"/> on drivers that run C# chaincodes and
    /// registers <see cref="IPartChainContract"/> over the gateway. Drivers with their own
    /// implementation (Ethereum) replace the contract registration.
    /// </summary>
    public static ValueChainBuilder AddTraceability(this ValueChainBuilder builder, Action<PartChainOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PartChainOptions();
        configure(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode>(new PartChainChaincode(options)));
        builder.Services.TryAddSingleton<IPartChainContract>(provider => new PartChainGatewayAdapter(provider.GetRequiredService<IContractGateway>()));
        return builder;
    }
}
