using System.CommandLine;
using Spectre.Console;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Gateway;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Cli.ContentCommands;

/// <summary>
/// <c>valuechain content add|get|cid|car export|car import|serve</c>: the content store from the
/// command line, with ids that are the CIDs every IPFS tool gives the same bytes.
/// </summary>
internal static class ContentCommand
{
    /// <summary>Files from this size on show a progress bar.</summary>
    internal const long ProgressThreshold = 16 * 1024 * 1024;

    public static Command Create(IAnsiConsole console)
    {
        var store = new Option<DirectoryInfo?>("--store") { Description = "The store's directory (default: $VALUECHAIN_CONTENT_STORE, else valuechain/content under the user's local application data, ~/.local/share on Linux)." };
        var kubo = new Option<Uri?>("--kubo") { Description = "Use the Kubo node with this RPC root (for example http://127.0.0.1:5001) instead of the embedded store." };
        var profile = new Option<string>("--profile") { Description = $"How files are imported: {string.Join(", ", ContentProfiles.ByName.Keys)}.", DefaultValueFactory = _ => ContentProfiles.Default };
        var file = new Argument<FileInfo>("file") { Description = "The file." };
        var cid = new Argument<string>("cid") { Description = "The content id (CIDv0 Qm… or CIDv1 b…)." };
        var roots = new Argument<string[]>("cid") { Description = "The roots to export.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The file to write.", Required = true };
        var noPin = new Option<bool>("--no-pin") { Description = "Do not pin the file's root (garbage collection may remove it)." };

        var add = new Command("add", "Imports a file, pins it and prints its CID.") { file, profile, store, kubo, noPin };
        add.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => AddAsync(console, parse.GetValue(file)!, Open(parse, store, kubo, parse.GetValue(profile)), !parse.GetValue(noPin), ct)));

        var get = new Command("get", "Writes the file a CID names, verifying every block; nothing is left behind when a block is missing or altered.") { cid, output, store, kubo };
        get.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => GetAsync(console, new ContentId(parse.GetValue(cid)!), parse.GetValue(output)!, Open(parse, store, kubo), ct)));

        var compute = new Command("cid", "Prints the CID a file gets, storing nothing (as ipfs add --only-hash).") { file, profile };
        compute.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => CidAsync(console, parse.GetValue(file)!, ContentProfiles.Get(parse.GetValue(profile)!), ct)));

        var export = new Command("export", "Writes a CAR v1 archive of the DAGs under the roots.") { roots, output, store, kubo };
        export.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => ExportAsync(console, parse.GetValue(roots)!, parse.GetValue(output)!, Open(parse, store, kubo), ct)));

        var import = new Command("import", "Imports a CAR v1 archive, verifying every block (one bad block refuses it whole), pins its roots and prints them.") { file, store, kubo };
        import.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => ImportAsync(console, parse.GetValue(file)!, Open(parse, store, kubo), ct)));

        var address = new Option<string>("--address") { Description = "The IP address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The TCP port (0: any free port).", DefaultValueFactory = _ => 8080 };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow an address other than loopback (serves the store to other hosts)." };
        var trustlessOnly = new Option<bool>("--trustless-only") { Description = "Serve only raw blocks and CARs, not file bytes." };
        var serve = new Command("serve", "Serves the store as an IPFS trustless gateway (GET /ipfs/{cid}) until stopped with Ctrl+C.") { store, kubo, address, port, allowRemote, trustlessOnly };
        serve.SetAction((parse, ct) => TypedErrors.RunAsync(console, () => ServeAsync(
            console,
            Open(parse, store, kubo),
            new ContentGatewayOptions { Address = parse.GetValue(address)!, Port = parse.GetValue(port), AllowRemote = parse.GetValue(allowRemote), TrustlessOnly = parse.GetValue(trustlessOnly) },
            ct)));

        return new Command("content", "Adds, reads and serves content by CID (IPFS-compatible ids; embedded store or a Kubo node).")
        {
            add, get, compute, new Command("car", "CAR v1 archives.") { export, import }, serve,
        };
    }

    /// <summary>The store the command names; <paramref name="profile"/> matters only to commands that import files.</summary>
    private static IContentStore Open(ParseResult parse, Option<DirectoryInfo?> store, Option<Uri?> kubo, string? profile = null) =>
        ContentStoreLocation.Open(parse.GetValue(store), parse.GetValue(kubo), ContentProfiles.Get(profile ?? ContentProfiles.Default));

    private static async Task<int> AddAsync(IAnsiConsole console, FileInfo file, IContentStore store, bool pin, CancellationToken cancellationToken)
    {
        using (store as IDisposable)
        {
            ContentId id = await WithProgressAsync(console, $"Adding {file.Name}", file, async content => store switch
            {
                EmbeddedContentStore embedded => await embedded.AddFileAsync(content, embedded.Profile, pin, cancellationToken),
                KuboContentStore node => await node.AddFileAsync(content, node.Profile, pin, cancellationToken),
                _ => await store.AddFileAsync(content, cancellationToken),
            });
            console.WriteLine(id.Value);
            return 0;
        }
    }

    private static async Task<int> GetAsync(IAnsiConsole console, ContentId id, FileInfo output, IContentStore store, CancellationToken cancellationToken)
    {
        using (store as IDisposable)
        {
            // Written beside the target and moved into place only once every block has verified.
            string partial = output.FullName + ".partial";
            try
            {
                await using (Stream content = await store.OpenFileAsync(id, cancellationToken))
                await using (FileStream target = File.Create(partial))
                {
                    await content.CopyToAsync(target, cancellationToken);
                }

                File.Move(partial, output.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            console.MarkupLine($"Wrote {Markup.Escape(id.Value)} to {Markup.Escape(output.FullName)} ({new FileInfo(output.FullName).Length} bytes, every block verified).");
            return 0;
        }
    }

    private static async Task<int> CidAsync(IAnsiConsole console, FileInfo file, UnixFsProfile profile, CancellationToken cancellationToken)
    {
        Cid root = await WithProgressAsync(console, $"Hashing {file.Name}", file, content => UnixFsCid.ComputeAsync(content, profile, cancellationToken));
        console.WriteLine(root.ToString());
        return 0;
    }

    private static async Task<int> ExportAsync(IAnsiConsole console, string[] roots, FileInfo output, IContentStore store, CancellationToken cancellationToken)
    {
        using (store as IDisposable)
        {
            List<ContentId> ids = roots.Select(r => Cid.Parse(r).ToContentId()).ToList();
            string partial = output.FullName + ".partial";
            try
            {
                await using (FileStream target = File.Create(partial))
                {
                    await store.ExportCarAsync(ids, target, cancellationToken);
                }

                File.Move(partial, output.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            console.MarkupLine($"Wrote {ids.Count} root(s) to {Markup.Escape(output.FullName)} ({new FileInfo(output.FullName).Length} bytes).");
            return 0;
        }
    }

    private static async Task<int> ImportAsync(IAnsiConsole console, FileInfo file, IContentStore store, CancellationToken cancellationToken)
    {
        using (store as IDisposable)
        {
            IReadOnlyList<ContentId> imported = await WithProgressAsync(console, $"Importing {file.Name}", file, content => store.ImportCarAsync(content, cancellationToken));
            foreach (ContentId root in imported)
            {
                console.WriteLine(root.Value);
            }

            return 0;
        }
    }

    private static async Task<int> ServeAsync(IAnsiConsole console, IContentStore store, ContentGatewayOptions options, CancellationToken cancellationToken)
    {
        using (store as IDisposable)
        {
            await using ContentGatewayServer gateway = await ContentGatewayServer.StartAsync(store, options, cancellationToken: cancellationToken);
            console.MarkupLine($"Serving {Markup.Escape(ContentStoreLocation.Describe(store))} at {gateway.BaseAddress}ipfs/{{cid}} (Ctrl+C stops).");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping is how serve ends.
            }

            return 0;
        }
    }

    /// <summary>Runs <paramref name="work"/> over the file's bytes, with a progress bar when the file is large.</summary>
    private static async Task<T> WithProgressAsync<T>(IAnsiConsole console, string description, FileInfo file, Func<Stream, Task<T>> work)
    {
        await using FileStream content = file.OpenRead();
        if (content.Length < ProgressThreshold)
        {
            return await work(content);
        }

        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask(Markup.Escape(description), maxValue: content.Length);
                await using var counted = new ProgressStream(content, read => task.Increment(read));
                result = await work(counted);
            });
        return result;
    }
}
