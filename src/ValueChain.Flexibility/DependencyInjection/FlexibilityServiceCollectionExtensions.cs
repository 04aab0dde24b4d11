using Microsoft.Extensions.DependencyInjection.Extensions;
using ValueChain;
using ValueChain.Flexibility;
using ValueChain.Ledger;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the EV flexibility market to ValueChain.</summary>
public static class FlexibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the market: deploys <see cref="FlexibilityChaincode"/> on drivers that run C# chaincodes and
    /// registers <see cref="IFlexibilityContract"/> over the gateway (drivers with their own contracts replace it).
    /// </summary>
    public static ValueChainBuilder AddFlexibility(this ValueChainBuilder builder, Action<FlexibilityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FlexibilityOptions();
        configure(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode>(new FlexibilityChaincode(options)));
        builder.Services.TryAddSingleton<IFlexibilityContract>(provider => new FlexibilityChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        return builder;
    }
}
