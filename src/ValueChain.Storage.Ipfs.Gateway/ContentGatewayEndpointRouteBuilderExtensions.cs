using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Gateway;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the content gateway's endpoints into an ASP.NET Core application.</summary>
public static class ContentGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> and <c>HEAD /ipfs/{cid}</c> over the registered <see cref="IContentStore"/>, as
    /// the IPFS trustless-gateway specification describes (raw blocks and CAR v1 streams), plus the
    /// file's bytes for plain requests unless <see cref="ContentGatewayOptions.TrustlessOnly"/> is set.
    /// Options come from <see cref="IOptions{ContentGatewayOptions}"/> (their defaults when none are configured).
    /// </summary>
    /// <returns>The endpoints' convention builder, to add authorization, rate limits or CORS.</returns>
    public static IEndpointConventionBuilder MapContentGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods("/ipfs/{cid}/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string cid, string? path) =>
        {
            IServiceProvider services = context.RequestServices;
            var handler = new ContentGatewayHandler(
                services.GetRequiredService<IContentStore>(),
                services.GetService<IOptions<ContentGatewayOptions>>()?.Value ?? new ContentGatewayOptions(),
                services.GetService<ILoggerFactory>()?.CreateLogger("ValueChain.Storage.Ipfs.Gateway") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            return handler.HandleAsync(context, cid, path);
        });
    }
}
