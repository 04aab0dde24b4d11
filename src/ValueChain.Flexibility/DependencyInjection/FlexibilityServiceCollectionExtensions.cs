using Microsoft.Extensions.DependencyInjection.Extensions;
using ValueChain;
using ValueChain.Flexibility;
using ValueChain.Ledger;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the EV flexibility market to ValueChain.</summary>
public static class FlexibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the market: deploys <see cref="FlexMarketChaincode"/> on drivers that run C# chaincodes and
    /// registers <see cref="IFlexibilityMarket"/> over the gateway (drivers with their own contracts replace it).
    /// </summary>
    public static ValueChainBuilder AddFlexibility(this ValueChainBuilder builder, Action<FlexMarketOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FlexMarketOptions();
        configure(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode>(new FlexMarketChaincode(options)));
        builder.Services.TryAddSingleton<IFlexibilityMarket>(provider => new FlexMarketGatewayAdapter(provider.GetRequiredService<IContractGateway>()));
        return builder;
    }
}
