using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ValueChain.Ledger.Fabric.Chaincode;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A chaincode-as-a-service server: Fabric peers connect to it (the address in the package's
/// connection.json) and it runs the applications' C# chaincodes, unchanged, over the shim protocol. It also
/// answers the standard gRPC health service (<c>grpc.health.v1.Health/Check</c>) on the same port.
/// </summary>
public sealed class FabricChaincodeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FabricChaincodeServer(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Where the server listens (with the port it got when asked for port 0).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The <c>host:port</c> to put in connection.json.</summary>
    public string Address => $"{Endpoint.Address}:{Endpoint.Port}";

    /// <summary>Starts serving.</summary>
    /// <exception cref="ConfigurationException">The options are incomplete.</exception>
    public static async Task<FabricChaincodeServer> StartAsync(FabricChaincodeServerOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Listen, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (options.TlsCertificate is { } certificate)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.AddGrpc();
        // The standard gRPC health service (grpc.health.v1.Health), so orchestrators and peers' operators can probe the server.
        builder.Services.AddGrpcHealthChecks(health => health.UseHealthChecksCache = false)
            .AddCheck("chaincode-server", () => HealthCheckResult.Healthy($"Serving {options.ChaincodeId}."));
        builder.Services.AddSingleton(options);
        WebApplication app = builder.Build();
        app.MapGrpcService<ChaincodeService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new IPEndPoint(options.Listen.Address, new Uri(bound).Port);
        return new FabricChaincodeServer(app, endpoint);
    }

    /// <summary>Stops serving; open peer connections are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
