using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests.Kubo;

/// <summary>
/// A real Kestrel server on a free loopback port that answers the RPC commands the client sends as
/// Kubo does (POST /api/v0/…, arguments in the query, multipart bodies, JSON or newline-delimited JSON,
/// errors as {"Message","Code","Type":"error"} with status 500), over an in-memory store whose stored
/// bytes a test can alter or remove behind the node's back, as a faulty or lying node would serve them.
/// </summary>
internal sealed class FakeKuboNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKuboNode(WebApplication app, EmbeddedContentStore store, Uri api)
    {
        _app = app;
        Store = store;
        Api = api;
    }

    internal EmbeddedContentStore Store { get; }

    internal Uri Api { get; }

    /// <summary>Every request as "command?query".</summary>
    internal ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, the next command of that name is refused with this message.</summary>
    internal ConcurrentDictionary<string, string> Refuse { get; } = new();

    private MemoryBlockStorage Raw => (MemoryBlockStorage)Store.Storage;

    internal static async Task<FakeKuboNode> StartAsync()
    {
        int port = ValueChain.Testing.LoopbackPort.Free();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        var node = new FakeKuboNode(app, EmbeddedContentStore.InMemory(), new Uri($"http://127.0.0.1:{port}/"));
        app.MapPost("/api/v0/{**command}", node.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return node;
    }

    /// <summary>Replaces the stored bytes of <paramref name="cid"/> (a lying or failing disk).</summary>
    internal void Alter(Cid cid, byte[] bytes) => Raw.Tamper(EmbeddedContentStore.KeyOf(cid), bytes);

    /// <summary>Removes <paramref name="cid"/> from the node's storage behind its back.</summary>
    internal Task ForgetAsync(Cid cid) => Raw.DeleteAsync(EmbeddedContentStore.KeyOf(cid), CancellationToken.None).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string command)
    {
        Requests.Enqueue($"{command}{context.Request.QueryString}");
        IQueryCollection query = context.Request.Query;
        if (Refuse.TryRemove(command, out string? refusal))
        {
            await ErrorAsync(context, refusal);
            return;
        }

        CancellationToken ct = context.RequestAborted;
        switch (command)
        {
            case "add":
                var profile = new UnixFsProfile(
                    int.Parse(query["cid-version"]!, CultureInfo.InvariantCulture),
                    query["raw-leaves"] == "true",
                    int.Parse(query["chunker"].ToString()["size-".Length..], CultureInfo.InvariantCulture),
                    int.Parse(query["max-file-links"]!, CultureInfo.InvariantCulture));
                IFormFile file = (await context.Request.ReadFormAsync(ct)).Files["file"]!;
                await using (Stream content = file.OpenReadStream())
                {
                    ContentId root = await Store.AddFileAsync(content, profile, query["pin"] == "true", ct);
                    await LineAsync(context, new { Name = "file", Hash = root.Value, Size = file.Length.ToString(CultureInfo.InvariantCulture) });
                }

                break;
            case "block/get":
                if (await RawAsync(Arg(query)) is { } block)
                {
                    await context.Response.Body.WriteAsync(block, ct);
                }
                else
                {
                    await NotFoundAsync(context, Arg(query));
                }

                break;
            case "block/stat":
                if (await RawAsync(Arg(query)) is { } stat)
                {
                    await LineAsync(context, new { Key = Arg(query).ToString(), Size = stat.Length });
                }
                else
                {
                    await NotFoundAsync(context, Arg(query));
                }

                break;
            case "block/put":
                IFormFile data = (await context.Request.ReadFormAsync(ct)).Files["data"]!;
                using (var bytes = new MemoryStream())
                {
                    await data.CopyToAsync(bytes, ct);
                    Cid cid = Cid.Compute(query["cid-codec"] == "raw" ? ContentCodec.Raw : ContentCodec.DagPb, bytes.ToArray());
                    await Store.PutBlockAsync(cid.ToContentId(), bytes.ToArray(), ct);
                    if (query["pin"] == "true")
                    {
                        await Store.PinAsync(cid.ToContentId(), ct);
                    }

                    await LineAsync(context, new { Key = cid.ToString(), Size = bytes.Length });
                }

                break;
            case "pin/add":
                try
                {
                    await Store.PinAsync(Arg(query).ToContentId(), ct);
                    await LineAsync(context, new { Pins = new[] { Arg(query).ToString() } });
                }
                catch (ContentNotFoundException e)
                {
                    await NotFoundAsync(context, Cid.Parse(e.Id));
                }

                break;
            case "pin/rm":
                if (await Store.UnpinAsync(Arg(query).ToContentId(), ct))
                {
                    await LineAsync(context, new { Pins = new[] { Arg(query).ToString() } });
                }
                else
                {
                    await ErrorAsync(context, "not pinned or pinned indirectly");
                }

                break;
            case "pin/ls":
                var keys = (await Store.ListPinsAsync(ct)).ToDictionary(p => p.Value, _ => new { Type = "recursive" });
                await LineAsync(context, new { Keys = keys });
                break;
            case "refs/local":
                await foreach (ContentId id in Store.ListBlocksAsync(ct))
                {
                    await LineAsync(context, new { Ref = id.Value, Err = string.Empty });
                }

                break;
            case "repo/stat":
                ContentStoreStatistics statistics = await Store.GetStatisticsAsync(ct);
                await LineAsync(context, new { RepoSize = statistics.TotalBytes, StorageMax = 10_000_000_000L, NumObjects = statistics.BlockCount, RepoPath = "/fake", Version = "fs-repo@16" });
                break;
            case "repo/gc":
                var before = new HashSet<ContentId>();
                await foreach (ContentId id in Store.ListBlocksAsync(ct))
                {
                    before.Add(id);
                }

                await Store.CollectGarbageAsync(ct);
                await foreach (ContentId id in Store.ListBlocksAsync(ct))
                {
                    before.Remove(id);
                }

                foreach (ContentId removed in before)
                {
                    await LineAsync(context, new Dictionary<string, object> { ["Key"] = new Dictionary<string, string> { ["/"] = removed.Value } });
                }

                break;
            case "dag/export":
                await ExportAsync(context, Arg(query));
                break;
            case "dag/import":
                IFormFile car = (await context.Request.ReadFormAsync(ct)).Files["file"]!;
                await using (Stream archive = car.OpenReadStream())
                {
                    foreach (ContentId root in await Store.ImportCarAsync(archive, ct))
                    {
                        await LineAsync(context, new { Root = new { Cid = new Dictionary<string, string> { ["/"] = root.Value }, PinErrorMsg = string.Empty } });
                    }
                }

                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("404 page not found", ct);
                break;
        }
    }

    /// <summary>The DAG as the node stores it, depth first, each block once; altered or missing blocks go out as they are.</summary>
    private async Task ExportAsync(HttpContext context, Cid root)
    {
        Stream body = context.Response.Body;
        await CarWriter.WriteHeaderAsync(body, [root], context.RequestAborted);
        var seen = new HashSet<Cid>();
        var pending = new Stack<Cid>([root]);
        while (pending.TryPop(out Cid? cid))
        {
            if (!seen.Add(cid) || await RawAsync(cid) is not { } block)
            {
                continue;
            }

            await CarWriter.WriteBlockAsync(body, cid, block, context.RequestAborted);
            IReadOnlyList<Cid> links = cid.Matches(block) ? UnixFsExporter.Links(cid, block) : [];
            for (int i = links.Count - 1; i >= 0; i--)
            {
                pending.Push(links[i]);
            }
        }
    }

    private async Task<byte[]?> RawAsync(Cid cid) => await Raw.GetAsync(EmbeddedContentStore.KeyOf(cid), CancellationToken.None);

    private static Cid Arg(IQueryCollection query) => Cid.Parse(query["arg"].ToString());

    private static Task NotFoundAsync(HttpContext context, Cid cid) =>
        ErrorAsync(context, $"block was not found locally (offline): ipld: could not find {cid}");

    private static async Task ErrorAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { Message = message, Code = 0, Type = "error" }));
    }

    private static async Task LineAsync(HttpContext context, object value)
    {
        context.Response.ContentType ??= "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(value) + "\n");
    }
}
