using System.Net;
using System.Net.Http.Headers;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Gateway.Tests;

/// <summary>The gateway over a real Kestrel on loopback, request by request as the trustless-gateway specification describes.</summary>
public sealed class TrustlessGatewayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_raw_block_request_returns_the_block_with_the_specified_headers()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(5000);
        using HttpResponseMessage response = await SendAsync(gateway, $"ipfs/{gateway.File}", "application/vnd.ipld.raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] block = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(Cid.Parse(gateway.File).Matches(block));
        Assert.Equal(await gateway.Store.GetBlockAsync(gateway.File, Ct), block);
        Assert.Equal("application/vnd.ipld.raw", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{gateway.File}.raw\"", response.Headers.ETag!.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{gateway.File}.bin", response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Contains("immutable", response.Headers.CacheControl.Extensions.Select(e => e.Name));
        Assert.Equal(gateway.File.Value, Assert.Single(response.Headers.GetValues("X-Ipfs-Roots")));
        Assert.StartsWith($"/ipfs/{gateway.File}?format=raw", response.Content.Headers.ContentLocation!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_format_parameter_takes_precedence_over_the_Accept_header()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(5000);
        using HttpResponseMessage response = await SendAsync(gateway, $"ipfs/{gateway.File}?format=raw", "application/vnd.ipld.car");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.ipld.raw", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentLocation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5000)]
    [InlineData(40000)]
    public async Task A_CAR_request_returns_the_whole_DAG_which_imports_to_the_same_file(int size)
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(size);
        using HttpResponseMessage response = await SendAsync(gateway, $"ipfs/{gateway.File}", "application/vnd.ipld.car");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.ipld.car; version=1; order=dfs; dups=n", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"{gateway.File}.car", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith($"\"{gateway.File}.car.", response.Headers.ETag!.ToString(), StringComparison.Ordinal);
        using EmbeddedContentStore target = EmbeddedContentStore.InMemory();
        IReadOnlyList<ContentId> roots = await target.ImportCarAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), Ct);
        Assert.Equal([gateway.File], roots);
        Assert.Equal(gateway.Content, await ReadAllAsync(target, gateway.File));
        Assert.Equal((await gateway.Store.GetStatisticsAsync(Ct)).BlockCount, (await target.GetStatisticsAsync(Ct)).BlockCount);
    }

    [Fact]
    public async Task Dag_scope_block_returns_the_root_alone_and_entity_the_whole_file()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(40000);
        List<Cid> block = await CarBlocksAsync(gateway, $"ipfs/{gateway.File}?format=car&dag-scope=block");
        List<Cid> entity = await CarBlocksAsync(gateway, $"ipfs/{gateway.File}?format=car&dag-scope=entity");

        Assert.Equal([Cid.Parse(gateway.File)], block);
        Assert.Equal((await gateway.Store.GetStatisticsAsync(Ct)).BlockCount, entity.Count);
    }

    [Theory]
    [InlineData("0:999", 1)]
    [InlineData("1000:1999", 1)]
    [InlineData("999:1000", 2)]
    [InlineData("-1:*", 1)]
    [InlineData("0:*", 40)]
    [InlineData("39000:-1", 1)]
    public async Task Entity_bytes_returns_the_blocks_on_the_path_to_the_range_and_no_other_leaf(string range, int leaves)
    {
        // 40 leaves of 1000 bytes, 4 links a node: three levels of inner nodes over the leaves.
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(40000);
        List<Cid> blocks = await CarBlocksAsync(gateway, $"ipfs/{gateway.File}?format=car&entity-bytes={range}");

        Assert.Equal(Cid.Parse(gateway.File), blocks[0]);
        Assert.Equal(leaves, blocks.Count(c => c.Codec == ContentCodec.Raw));
        var all = new List<Cid>();
        await foreach (ContentId id in gateway.Store.ListBlocksAsync(Ct))
        {
            all.Add(Cid.Parse(id));
        }

        Assert.All(blocks, b => Assert.Contains(b.ToV1(), all));
    }

    [Fact]
    public async Task Entity_bytes_outside_the_file_is_a_bad_request_and_a_different_range_a_different_Etag()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(4000);
        using HttpResponseMessage outside = await SendAsync(gateway, $"ipfs/{gateway.File}?format=car&entity-bytes=5000:*", null);
        using HttpResponseMessage first = await SendAsync(gateway, $"ipfs/{gateway.File}?format=car&entity-bytes=0:10", null);
        using HttpResponseMessage second = await SendAsync(gateway, $"ipfs/{gateway.File}?format=car&entity-bytes=0:11", null);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("entity-bytes=5000:*", await outside.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task Dups_y_is_honoured_and_announced()
    {
        // Zeros: every leaf is the same block, so with dups=y it appears once per link.
        EmbeddedContentStore store = EmbeddedContentStore.InMemory(new UnixFsProfile(1, true, 1000, 4));
        ContentId file = await store.AddFileAsync(new MemoryStream(new byte[8000]), Ct);
        await using ContentGatewayServer server = await ContentGatewayServer.StartAsync(store, new ContentGatewayOptions { Port = 0 }, cancellationToken: Ct);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"ipfs/{file}");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/vnd.ipld.car; version=1; order=dfs; dups=y"));
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        List<Cid> withDuplicates = await BlocksOfAsync(response);
        using HttpResponseMessage once = await client.GetAsync($"ipfs/{file}?format=car", Ct);

        Assert.EndsWith("dups=y", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(8, withDuplicates.Count(c => c.Codec == ContentCodec.Raw));
        Assert.Equal(1, (await BlocksOfAsync(once)).Count(c => c.Codec == ContentCodec.Raw));
    }

    [Fact]
    public async Task A_plain_request_gets_the_file_bytes_and_HEAD_the_same_headers_without_a_body()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(40000);
        using HttpResponseMessage get = await SendAsync(gateway, $"ipfs/{gateway.File}?filename=report.pdf", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, $"ipfs/{gateway.File}");
        using HttpResponseMessage head = await gateway.Client.SendAsync(headRequest, Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(gateway.Content, await get.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/octet-stream", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", get.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("report.pdf", get.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(40000, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"\"{gateway.File}\"", head.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_matching_If_None_Match_is_answered_304()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(100);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"ipfs/{gateway.File}?format=raw");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{gateway.File}.raw\""));
        using HttpResponseMessage response = await gateway.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("ipfs/Qmnotacid", null, HttpStatusCode.BadRequest)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy?format=tar", null, HttpStatusCode.BadRequest)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy?format=car&dag-scope=most", null, HttpStatusCode.BadRequest)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy?format=raw", null, HttpStatusCode.NotFound)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", "application/vnd.ipld.car", HttpStatusCode.NotFound)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", "application/vnd.ipld.car; version=2", HttpStatusCode.NotAcceptable)]
    [InlineData("ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy/sub/path?format=car", null, HttpStatusCode.NotImplemented)]
    public async Task Requests_the_gateway_cannot_answer_get_the_specified_status_and_a_message(string path, string? accept, HttpStatusCode status)
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(10);
        using HttpResponseMessage response = await SendAsync(gateway, path, accept);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_identity_probe_answers_an_empty_block_and_a_CAR_with_its_root_and_no_blocks()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(10);
        using HttpResponseMessage raw = await SendAsync(gateway, "ipfs/bafkqaaa?format=raw", "application/vnd.ipld.raw");
        using HttpResponseMessage car = await SendAsync(gateway, "ipfs/bafkqaaa?format=car", "application/vnd.ipld.car");
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, "ipfs/bafkqaaa?format=raw");
        using HttpResponseMessage head = await gateway.Client.SendAsync(headRequest, Ct);

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Empty(await raw.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, car.StatusCode);
        CarReader reader = await CarReader.OpenAsync(new MemoryStream(await car.Content.ReadAsByteArrayAsync(Ct)), Ct);
        Assert.Equal([Cid.Parse("bafkqaaa")], reader.Roots);
        await foreach ((Cid, byte[]) _ in reader.ReadBlocksAsync(Ct))
        {
            Assert.Fail("The probe's CAR holds a block.");
        }

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Only_if_cached_for_a_missing_root_is_412()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(10);
        using var request = new HttpRequestMessage(HttpMethod.Get, "ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy?format=raw");
        request.Headers.CacheControl = new CacheControlHeaderValue { OnlyIfCached = true };
        using HttpResponseMessage response = await gateway.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task A_trustless_only_gateway_refuses_plain_requests()
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(10, configure: o => o.TrustlessOnly = true);
        using HttpResponseMessage plain = await SendAsync(gateway, $"ipfs/{gateway.File}", null);
        using HttpResponseMessage raw = await SendAsync(gateway, $"ipfs/{gateway.File}", "application/vnd.ipld.raw");

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
    }

    [Theory]
    [InlineData("format=car")]
    [InlineData("")]
    public async Task A_block_altered_in_the_store_cuts_the_response_short_instead_of_sending_it(string query)
    {
        await using GatewayHarness gateway = await GatewayHarness.StartAsync(40000);
        Cid leaf = Cid.Compute(ContentCodec.Raw, gateway.Content.AsSpan(20000, 1000));
        byte[] altered = gateway.Content.AsSpan(20000, 1000).ToArray();
        altered[0] ^= 1;
        ((MemoryBlockStorage)gateway.Store.Storage).Tamper(EmbeddedContentStore.KeyOf(leaf), altered);

        // The status line may already be out (200) or, when the reset overtakes it, not even that;
        // either way the client never receives a complete body.
        Exception error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using HttpResponseMessage response = await gateway.Client.GetAsync($"ipfs/{gateway.File}?{query}", HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsByteArrayAsync(Ct);
        });
        Assert.True(error is HttpRequestException or IOException, error.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(GatewayHarness gateway, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await gateway.Client.SendAsync(request, Ct);
    }

    private static async Task<List<Cid>> CarBlocksAsync(GatewayHarness gateway, string path)
    {
        using HttpResponseMessage response = await gateway.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BlocksOfAsync(response);
    }

    private static async Task<List<Cid>> BlocksOfAsync(HttpResponseMessage response)
    {
        CarReader reader = await CarReader.OpenAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), Ct);
        var blocks = new List<Cid>();
        await foreach ((Cid cid, byte[] block) in reader.ReadBlocksAsync(Ct))
        {
            Assert.True(cid.Matches(block));
            blocks.Add(cid);
        }

        return blocks;
    }

    internal static async Task<byte[]> ReadAllAsync(IContentStore store, ContentId id)
    {
        await using Stream stream = await store.OpenFileAsync(id, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
