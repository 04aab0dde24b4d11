using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.Ethereum;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses Ethereum as the ValueChain ledger driver.</summary>
public static class EthereumServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the driver takes from <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "ValueChain.Ethereum";

    /// <summary>
    /// Uses an Ethereum node. Registers <see cref="JsonRpcClient"/> (over the factory's named HttpClient),
    /// <see cref="TransactionSender"/> and <see cref="EthereumClient"/> for the configured signer,
    /// <see cref="SignerClients"/> (one client per acting signer, for the application adapters), a
    /// <see cref="ContractDeployer"/> when a manifest path is set, and <see cref="ILedgerTimeControl"/>.
    /// Options are validated at start-up, and a hosted check fails the start when the node is unreachable or
    /// serves another chain.
    /// </summary>
    /// <remarks>
    /// <see cref="ILedgerTimeControl"/> is <see cref="DevChainTimeControl"/> on a development node (anvil, Hardhat,
    /// Ganache, told by <c>web3_clientVersion</c>). On any other node ledger time moves only with its blocks, so
    /// resolving <see cref="ILedgerTimeControl"/> there throws a <see cref="ConfigurationException"/> that says so;
    /// the node is asked once, when the service is first resolved (a blocking call: DI factories are synchronous).
    /// </remarks>
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
                options.SenderOptions(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            return new EthereumClient(provider.GetRequiredService<JsonRpcClient>(), sender, options.ClientOptions());
        });
        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            return new ContractDeployer(
                provider.GetRequiredService<EthereumClient>(),
                options.ManifestPath ?? throw new ConfigurationException("Set EthereumOptions.ManifestPath to deploy contracts with a manifest."),
                options.ChainId);
        });
        services.TryAddSingleton(provider =>
        {
            EthereumOptions options = provider.GetRequiredService<IOptions<EthereumOptions>>().Value;
            return new SignerClients(
                provider.GetRequiredService<JsonRpcClient>(),
                options.ClientOptions(),
                options.SenderOptions(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        });
        services.TryAddSingleton<ILedgerTimeControl>(provider =>
        {
            JsonRpcClient rpc = provider.GetRequiredService<JsonRpcClient>();
            string? version = NodeKind.ClientVersionAsync(rpc, CancellationToken.None).GetAwaiter().GetResult();
            return NodeKind.IsDevelopment(version)
                ? (ILedgerTimeControl)new DevChainTimeControl(rpc)
                : throw new ConfigurationException(
                    $"ILedgerTimeControl needs a development node (anvil, Hardhat, Ganache); the node at EthereumOptions.RpcUrl says it is '{version ?? "(no web3_clientVersion)"}', where ledger time moves only with its blocks.");
        });
        services.AddHostedService<EthereumNodeCheck>();
        services.AddValueChainHealthCheck<EthereumHealthCheck>(EthereumHealthCheck.Name);
        return builder;
    }
}
