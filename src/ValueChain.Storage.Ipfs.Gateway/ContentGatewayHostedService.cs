using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain.Content;

namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>Runs a <see cref="ContentGatewayServer"/> over the registered store for as long as the host runs.</summary>
internal sealed class ContentGatewayHostedService(IContentStore store, IOptions<ContentGatewayOptions> options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private ContentGatewayServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _server = await ContentGatewayServer.StartAsync(store, options.Value, loggerFactory, cancellationToken).ConfigureAwait(false);

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
