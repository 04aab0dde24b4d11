using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using ValueChain.Ledger;
using ValueChain.Ledger.Fabric;

namespace ValueChain.Cli.FabricCommands;

/// <summary>
/// <c>valuechain fabric serve</c>: runs one application's chaincode as a service for Fabric peers, as its own process,
/// until SIGTERM or Ctrl+C, which stop it gracefully (open peer streams are closed, the exit code is 0).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var chaincode = new Option<string>("--chaincode") { Description = $"The application: {string.Join(", ", ServedChaincodes.All.Keys)}.", Required = true };
        var packageId = new Option<string>("--package-id") { Description = "The package id the peers installed (peer lifecycle chaincode queryinstalled).", Required = true };
        var listen = new Option<string>("--listen") { Description = "The address:port to listen on (the address in connection.json must reach it).", DefaultValueFactory = _ => "127.0.0.1:9999" };
        var options = new Option<FileInfo?>("--options") { Description = "A JSON file (such as a host's appsettings.json) whose section ValueChain:<Application> holds the application's options." };
        var tlsCertificate = new Option<FileInfo?>("--tls-cert") { Description = "With TLS: the server's PEM certificate." };
        var tlsKey = new Option<FileInfo?>("--tls-key") { Description = "With TLS: the PEM private key of --tls-cert." };
        var serve = new Command("serve", "Runs an application's chaincode as a service for Fabric peers until SIGTERM or Ctrl+C; answers grpc.health.v1.Health on the same port.")
        {
            chaincode, packageId, listen, options, tlsCertificate, tlsKey,
        };
        serve.SetAction((parse, cancellationToken) => TypedErrors.RunAsync(console, async () =>
        {
            IChaincode served = Chaincode(parse.GetValue(chaincode)!, parse.GetValue(options));
            var serverOptions = new FabricChaincodeServerOptions
            {
                ChaincodeId = parse.GetValue(packageId)!,
                Listen = Endpoint(parse.GetValue(listen)!),
                TlsCertificate = Certificate(parse.GetValue(tlsCertificate), parse.GetValue(tlsKey)),
            }.Serve(served);

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => (signal.Cancel, _) = (true, TryCancel(stop)));
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => (signal.Cancel, _) = (true, TryCancel(stop)));
            await using (FabricChaincodeServer server = await FabricChaincodeServer.StartAsync(serverOptions, cancellationToken: cancellationToken))
            {
                console.MarkupLine($"Serving chaincode [bold]{Markup.Escape(served.Name)}[/] as [green]{Markup.Escape(serverOptions.ChaincodeId)}[/] on {Markup.Escape(server.Address)}{(serverOptions.TlsCertificate is null ? " (plain HTTP/2)" : " (TLS)")}.");
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    console.MarkupLine("Stopping: closing the peers' streams.");
                }
            }

            console.MarkupLine("Stopped.");
            return 0;
        }));
        return serve;
    }

    private static bool TryCancel(CancellationTokenSource source)
    {
        source.Cancel();
        return true;
    }

    // The application's chaincode, built by its own AddX from the options file, with the options validated as a host would at start.
    private static IChaincode Chaincode(string application, FileInfo? optionsFile)
    {
        if (!ServedChaincodes.All.TryGetValue(application, out (string Section, Action<ValueChainBuilder, IConfiguration> Add) entry))
        {
            throw new ConfigurationException($"--chaincode '{application}' is not one of {string.Join(", ", ServedChaincodes.All.Keys)}.");
        }

        var configuration = new ConfigurationBuilder();
        if (optionsFile is not null)
        {
            configuration.AddJsonFile(optionsFile.FullName, optional: false);
        }

        IConfiguration section = configuration.Build().GetSection($"ValueChain:{entry.Section}");
        var services = new ServiceCollection();
        // This process is the chaincode side of Fabric: the peers are the ledger, so no client driver is composed.
        services.AddValueChain(vc => entry.Add(vc.UseLedgerDriver("fabric-chaincode-server"), section));
        using ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException invalid)
        {
            throw new ConfigurationException($"The options in ValueChain:{entry.Section} are invalid: {string.Join(" ", invalid.Failures)}");
        }

        return provider.GetServices<IChaincode>().Single();
    }

    private static IPEndPoint Endpoint(string text) =>
        IPEndPoint.TryParse(text, out IPEndPoint? endpoint) && endpoint.Port != 0 || text.EndsWith(":0", StringComparison.Ordinal) && IPEndPoint.TryParse(text, out endpoint)
            ? endpoint!
            : throw new ValueChainFormatException("--listen", text, "expected address:port, for example 0.0.0.0:9999");

    private static X509Certificate2? Certificate(FileInfo? certificate, FileInfo? key) => (certificate, key) switch
    {
        (null, null) => null,
        ({ } c, { } k) => X509Certificate2.CreateFromPemFile(c.FullName, k.FullName),
        _ => throw new ConfigurationException("Give --tls-cert and --tls-key together, or neither for plain HTTP/2."),
    };
}
