using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Procurement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the procurement marketplace to ValueChain.</summary>
public static class ProcurementServiceCollectionExtensions
{
    /// <summary>
    /// Adds procurement: <see cref="ProcurementOptions"/> through <see cref="IOptions{TOptions}"/>, checked at start-up by
    /// <see cref="ProcurementOptionsValidator"/>; <see cref="ProcurementChaincode"/>, built from the options when the
    /// ledger first needs it, for drivers that run C# chaincodes; <see cref="IProcurementContract"/> over the gateway
    /// (registered with TryAdd, so the application's Ethereum package or a host can put its own in place); and
    /// <see cref="ProcurementClientFactory"/>.
    /// </summary>
    /// <remarks>
    /// One call may bring settings; calling <c>AddProcurement()</c> again without arguments changes nothing, and a
    /// second call with settings is refused. The genesis users have no default: start-up fails naming
    /// <see cref="ProcurementOptions.GenesisUsers"/> until one marketplace admin is set.
    /// </remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddProcurement</c> call on the service collection brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddProcurement(this ValueChainBuilder builder, Action<ProcurementOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<ProcurementOptions, ProcurementOptionsValidator>(builder, nameof(AddProcurement), configure, RegisterServices);

    /// <summary>
    /// Adds procurement as <see cref="AddProcurement(ValueChainBuilder, Action{ProcurementOptions}?)"/> does, with
    /// <see cref="ProcurementOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:Procurement")</c>; addresses as hex text, time spans as <c>d.hh:mm:ss</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddProcurement</c> call on the service collection brought settings.</exception>
    public static ValueChainBuilder AddProcurement(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<ProcurementOptions, ProcurementOptionsValidator>(
            builder,
            nameof(AddProcurement),
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<ProcurementOptions, ProcurementUser>(section, nameof(ProcurementOptions.GenesisUsers)),
            section => new ConfigurationListValidator<ProcurementOptions, GenesisCompany>(section, nameof(ProcurementOptions.GenesisCompanies)));

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChaincode, ProcurementChaincode>(
            provider => new ProcurementChaincode(provider.GetRequiredService<IOptions<ProcurementOptions>>().Value)));
        services.TryAddSingleton<IProcurementContract>(provider => new ProcurementChaincodeAdapter(provider.GetRequiredService<IContractGateway>()));
        services.TryAddSingleton(provider =>
        {
            ProcurementOptions settings = provider.GetRequiredService<IOptions<ProcurementOptions>>().Value;
            return new ProcurementClientFactory(provider.GetRequiredService<IProcurementContract>(), settings.StartingRate, settings.Ubl);
        });
    }
}
