using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain.Content;

namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>
/// A self-contained content gateway: its own Kestrel server serving <c>/ipfs/{cid}</c> over one
/// <see cref="IContentStore"/>, for hosts that are not ASP.NET Core applications (applications map it
/// into their own pipeline with <c>MapContentGateway()</c> instead).
/// </summary>
public sealed class ContentGatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContentGatewayServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the gateway answers, for example <c>http://127.0.0.1:8080/</c> (with the port it got when asked for port 0).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="store"/>.</summary>
    /// <param name="store">The store to serve.</param>
    /// <param name="options">Where to listen and what to serve; the defaults (127.0.0.1:8080) when null.</param>
    /// <param name="loggerFactory">Where the gateway logs, or null for nowhere.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public static async Task<ContentGatewayServer> StartAsync(IContentStore store, ContentGatewayOptions? options = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new ContentGatewayOptions();
        if (new ContentGatewayOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new ConfigurationException(invalid.FailureMessage);
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var endpoint = new IPEndPoint(IPAddress.Parse(options.Address), options.Port);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(Options.Create(options));
        WebApplication app = builder.Build();
        app.MapContentGateway();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        string host = endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
        return new ContentGatewayServer(app, new Uri($"http://{host}:{bound.Port}/"));
    }

    /// <summary>Stops serving; open connections are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
