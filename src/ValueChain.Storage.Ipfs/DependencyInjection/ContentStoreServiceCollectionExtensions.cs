using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Content;
using ValueChain.Storage.Ipfs;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Store;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ValueChain content store.</summary>
public static class ContentStoreServiceCollectionExtensions
{
    /// <summary>
    /// Uses the embedded content store as <see cref="IContentStore"/>: on disk under
    /// <see cref="ContentStoreOptions.Directory"/>, or in memory when none is given (the default); or,
    /// when <see cref="ContentStoreOptions.KuboApi"/> is set (<c>o.UseKubo(url)</c>), a
    /// <see cref="KuboContentStore"/> on that node. Options are validated when the store is first
    /// resolved (and at host start). Offers <see cref="ContentStoreHealthCheck"/> to <c>AddValueChainHealthChecks()</c>.
    /// </summary>
    public static ValueChainBuilder UseContentStore(this ValueChainBuilder builder, Action<ContentStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        OptionsBuilder<ContentStoreOptions> options = services.AddOptions<ContentStoreOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentStoreOptions>, ContentStoreOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            ContentStoreOptions o = provider.GetRequiredService<IOptions<ContentStoreOptions>>().Value;
            return o.Directory is null ? EmbeddedContentStore.InMemory(o.Profile) : EmbeddedContentStore.Open(o.Directory, o.Profile);
        });
        services.TryAddSingleton<IContentStore>(provider =>
        {
            ContentStoreOptions o = provider.GetRequiredService<IOptions<ContentStoreOptions>>().Value;
            return o.KuboApi is { } kubo ? KuboContentStore.Connect(kubo, o.Profile) : provider.GetRequiredService<EmbeddedContentStore>();
        });
        services.AddValueChainHealthCheck<ContentStoreHealthCheck>(ContentStoreHealthCheck.Name);
        return builder;
    }
}
