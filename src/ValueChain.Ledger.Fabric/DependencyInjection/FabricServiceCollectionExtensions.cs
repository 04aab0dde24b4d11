using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Ledger;
using ValueChain.Ledger.Fabric;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Hyperledger Fabric driver.</summary>
public static class FabricServiceCollectionExtensions
{
    /// <summary>
    /// Runs the applications' chaincodes on a Fabric channel: registers a <see cref="FabricClient"/>,
    /// the <see cref="IContractGateway"/> the chaincode adapters use and an <see cref="ILedgerTimeControl"/>
    /// over the client's proposal timestamps. The chaincodes themselves run in a
    /// <see cref="FabricChaincodeServer"/> the peers connect to. Offers <see cref="FabricHealthCheck"/> to
    /// <c>AddValueChainHealthChecks()</c>.
    /// </summary>
    public static ValueChainBuilder UseFabric(this ValueChainBuilder builder, Action<FabricOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.UseLedgerDriver("fabric");
        IServiceCollection services = builder.Services;
        services.AddOptions<FabricOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FabricOptions>, FabricOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            FabricOptions options = provider.GetRequiredService<IOptions<FabricOptions>>().Value;
            var client = new FabricClientOptions
            {
                Channel = options.Channel,
                Orderer = options.Orderer,
                CommitTimeout = options.CommitTimeout,
                UseDiscovery = options.UseDiscovery,
                EndorsementPolicy = options.EndorsementPolicy is { } policy ? EndorsementPolicy.Parse(policy) : null,
            };
            foreach (FabricEndpoint peer in options.Peers)
            {
                client.Peers.Add(peer);
            }

            return new FabricClient(client, new FabricIdentity(options.MspId, options.CertificatePem), options.Signer!);
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<FabricOptions>>().Value.Wallet);
        services.TryAddSingleton<IContractGateway>(provider => new FabricContractGateway(
            provider.GetRequiredService<FabricClient>(),
            provider.GetRequiredService<FabricWallet>(),
            provider.GetRequiredService<IOptions<FabricOptions>>().Value.ChaincodeNames.AsReadOnly()));
        services.TryAddSingleton<ILedgerTimeControl>(provider => new FabricTimeControl(provider.GetRequiredService<FabricClient>()));
        services.AddValueChainHealthCheck<FabricHealthCheck>(FabricHealthCheck.Name);
        return builder;
    }
}
