using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.AppMarket;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the app marketplace (IIoT Bazaar) to ValueChain.</summary>
public static class AppMarketServiceCollectionExtensions
{
    /// <summary>
    /// Adds the app marketplace: <see cref="AppMarketOptions"/> through <see cref="IOptions{TOptions}"/>, checked at start-up by
    /// <see cref="AppMarketOptionsValidator"/>; <see cref="AppMarketChaincode"/>, built from the options when the
    /// ledger first needs it, for drivers that run C# chaincodes; <see cref="IAppMarketContract"/> over the gateway
    /// (registered with TryAdd, so the application's Ethereum package or a host can put its own in place); and
    /// <see cref="AppMarketClientFactory"/>.
    /// </summary>
    /// <remarks>
    /// One call may bring settings; calling <c>AddAppMarket()</c> again without arguments changes nothing, and a
    /// second call with settings is refused. The genesis members have no default: start-up fails naming
    /// <see cref="AppMarketOptions.GenesisMembers"/> until one admin is set.
    /// </remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddAppMarket</c> call on the service collection brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddAppMarket(this ValueChainBuilder builder, Action<AppMarketOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<AppMarketOptions, AppMarketOptionsValidator>(builder, nameof(AddAppMarket), configure, RegisterServices);

    /// <summary>
    /// Adds the app marketplace as <see cref="AddAppMarket(ValueChainBuilder, Action{AppMarketOptions}?)"/> does, with
    /// <see cref="AppMarketOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:AppMarket")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddAppMarket</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddAppMarket(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<AppMarketOptions, AppMarketOptionsValidator>(
            builder,
            nameof(AddAppMarket),
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<AppMarketOptions, AppMarketMember>(section, nameof(AppMarketOptions.GenesisMembers)));

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, AppMarketChaincode>(
            provider => new AppMarketChaincode(provider.GetRequiredService<IOptions<AppMarketOptions>>().Value)));
        services.TryAddSingleton<IAppMarketContract>(provider => new AppMarketChaincodeAdapter(provider.GetRequiredService<IContractGateway>(), provider.GetRequiredService<IOptions<AppMarketOptions>>().Value.ChainId));
        services.TryAddSingleton(provider => new AppMarketClientFactory(provider.GetRequiredService<IAppMarketContract>()));
    }
}
