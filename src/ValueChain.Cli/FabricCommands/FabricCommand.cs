using System.CommandLine;
using Spectre.Console;
using ValueChain.Ledger.Fabric;

namespace ValueChain.Cli.FabricCommands;

/// <summary><c>valuechain fabric</c>: tools for running the applications' chaincodes on Hyperledger Fabric.</summary>
internal static class FabricCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var label = new Option<string>("--label") { Description = "The package label, for example partchain_1.0.", Required = true };
        var address = new Option<string>("--address") { Description = "The chaincode server's host:port as the peers reach it.", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the package (default: <label>.tar.gz)." };
        var dialTimeout = new Option<int>("--dial-timeout") { Description = "Seconds the peer tries to connect.", DefaultValueFactory = _ => 10 };
        var tlsRoot = new Option<FileInfo?>("--tls-root") { Description = "With TLS: the PEM root certificate of the server's certificate." };

        var package = new Command("package", "Writes a chaincode-as-a-service package (metadata.json of type ccaas, connection.json) and prints its package id.")
        {
            label, address, output, dialTimeout, tlsRoot,
        };
        package.SetAction((parse, cancellationToken) => TypedErrors.RunAsync(console, async () =>
        {
            string? root = parse.GetValue(tlsRoot) is { } file ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : null;
            CcaasPackage built = CcaasPackage.Create(parse.GetValue(label)!, parse.GetValue(address)!, TimeSpan.FromSeconds(parse.GetValue(dialTimeout)), root);
            string path = parse.GetValue(output)?.FullName ?? Path.GetFullPath(built.Label + ".tar.gz");
            await built.WriteAsync(path, cancellationToken);
            console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
            console.MarkupLine($"Package id: [green]{Markup.Escape(built.PackageId)}[/]");
            console.MarkupLine("Install it with [grey]peer lifecycle chaincode install[/] and start the chaincode server with that package id.");
            return 0;
        }));

        return new Command("fabric", "Hyperledger Fabric tools.") { package, ServeCommand.Create(console) };
    }
}
