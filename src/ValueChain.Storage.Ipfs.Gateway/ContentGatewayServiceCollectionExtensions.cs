using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Storage.Ipfs.Gateway;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ValueChain content gateway.</summary>
public static class ContentGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Serves the registered content store over HTTP while the host runs: a hosted
    /// <see cref="ContentGatewayServer"/> on <see cref="ContentGatewayOptions.Address"/> (loopback by
    /// default) and <see cref="ContentGatewayOptions.Port"/>. Needs a content store
    /// (<c>UseContentStore</c>); options are validated at host start.
    /// </summary>
    public static ValueChainBuilder UseContentGateway(this ValueChainBuilder builder, Action<ContentGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        OptionsBuilder<ContentGatewayOptions> options = services.AddOptions<ContentGatewayOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentGatewayOptions>, ContentGatewayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContentGatewayHostedService>());
        return builder;
    }
}
