using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Flexibility;
using ValueChain.Ledger.Ethereum;
using ValueChain.Ledger.Ethereum.Flexibility;
using ValueChain.Ledger.Ethereum.Traceability;
using ValueChain.Traceability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The applications' ports on the Ethereum driver: after <c>UseEthereum</c>, these register the Solidity
/// adapters for contracts already deployed (by <see cref="TraceabilityContracts.DeployAsync"/>,
/// <see cref="FlexibilityContracts.DeployAsync"/> or <c>valuechain</c>), in place of the chaincode adapters
/// that <c>AddTraceability</c> and <c>AddFlexibility</c> register for the chaincode drivers, whatever the order
/// of the calls. Each command is sent by the signer the port's caller names.
/// </summary>
public static class EthereumApplicationsExtensions
{
    /// <summary>Binds <see cref="ITraceabilityContract"/> to PartChain at <paramref name="contracts"/>.</summary>
    public static ValueChainBuilder AddTraceabilityOnEthereum(this ValueChainBuilder builder, TraceabilityContracts contracts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(contracts);
        AddSignerClients(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton<ITraceabilityContract>(provider => new TraceabilityEthereumAdapter(provider.GetRequiredService<SignerClients>(), contracts)));
        return builder;
    }

    /// <summary>Binds <see cref="IFlexibilityContract"/> to the market at <paramref name="contracts"/>.</summary>
    public static ValueChainBuilder AddFlexibilityOnEthereum(this ValueChainBuilder builder, FlexibilityContracts contracts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(contracts);
        AddSignerClients(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton<IFlexibilityContract>(provider => new FlexibilityEthereumAdapter(provider.GetRequiredService<SignerClients>(), contracts)));
        return builder;
    }

    // One client per acting signer, with the driver's options.
    private static void AddSignerClients(IServiceCollection services) =>
        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            return new SignerClients(
                provider.GetRequiredService<JsonRpcClient>(),
                new EthereumClientOptions { ChainId = options.ChainId, Confirmations = options.Confirmations, GasMarginPercent = options.GasMarginPercent },
                options.SenderOptions());
        });
}
