using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses Ethereum as the ValueChain ledger driver.</summary>
public static class EthereumServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the driver takes from <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "ValueChain.Ethereum";

    /// <summary>
    /// Uses an Ethereum node. Registers <see cref="JsonRpcClient"/> (over the factory's named HttpClient),
    /// <see cref="TransactionSender"/> and <see cref="EthereumClient"/> for the configured signer, and a
    /// <see cref="ContractDeployer"/> when a manifest path is set. Options are validated at start-up, and a
    /// hosted check fails the start when the node is unreachable or serves another chain.
    /// </summary>
    public static ValueChainBuilder UseEthereum(this ValueChainBuilder builder, Action<EthereumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.UseLedgerDriver("ethereum");
        IServiceCollection services = builder.Services;
        services.AddOptions<EthereumOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EthereumOptions>, EthereumOptionsValidator>());
        services.AddHttpClient(HttpClientName);

        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new JsonRpcClient(http, new JsonRpcOptions { Endpoint = options.RpcUrl, RequestTimeout = options.RequestTimeout });
        });
        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            ISigner? signer = options.Signer ?? (options.KeystorePath is { } path
                ? new EthereumSigner(KeystoreV3.Decrypt(File.ReadAllText(path), options.KeystorePassword ?? ""))
                : null);
            TransactionSender? sender = signer is null ? null : new TransactionSender(
                provider.GetRequiredService<JsonRpcClient>(),
                signer,
                options.SenderOptions());
            return new EthereumClient(provider.GetRequiredService<JsonRpcClient>(), sender, new EthereumClientOptions
            {
                ChainId = options.ChainId,
                Confirmations = options.Confirmations,
                GasMarginPercent = options.GasMarginPercent,
            });
        });
        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            return new ContractDeployer(
                provider.GetRequiredService<EthereumClient>(),
                options.ManifestPath ?? throw new ConfigurationException("Set EthereumOptions.ManifestPath to deploy contracts with a manifest."),
                options.ChainId);
        });
        services.AddHostedService<EthereumNodeCheck>();
        return builder;
    }
}
