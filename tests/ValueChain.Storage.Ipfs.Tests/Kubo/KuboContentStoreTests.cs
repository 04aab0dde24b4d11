using ValueChain.Content;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests.Kubo;

/// <summary>The Kubo client against a Kestrel server that answers as Kubo does, including as a node that lies.</summary>
public sealed class KuboContentStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Profiles => ["kuboDefaultV0", "kuboV1", "kuboV1RawLeaves", "unixfsV1_2025"];

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Add_sends_the_profiles_options_and_returns_the_root_every_IPFS_tool_gives(string name)
    {
        UnixFsProfile profile = ProfileOf(name);
        byte[] content = Bytes(3_000_000);
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api, profile);

        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);

        using EmbeddedContentStore reference = EmbeddedContentStore.InMemory(profile);
        Assert.Equal((await reference.AddFileAsync(new MemoryStream(content), Ct)).Value, root.Value);
        string add = Assert.Single(node.Requests, r => r.StartsWith("add?", StringComparison.Ordinal));
        Assert.Contains($"cid-version={profile.CidVersion}", add, StringComparison.Ordinal);
        Assert.Contains($"raw-leaves={(profile.RawLeaves ? "true" : "false")}", add, StringComparison.Ordinal);
        Assert.Contains($"chunker=size-{profile.ChunkSize}", add, StringComparison.Ordinal);
        Assert.Contains($"max-file-links={profile.MaxLinks}", add, StringComparison.Ordinal);
        Assert.Contains("trickle=false", add, StringComparison.Ordinal);
        Assert.Equal(content, await EmbeddedContentStoreTests.ReadAllAsync(store, root));
    }

    [Fact]
    public async Task Records_blocks_pins_statistics_and_garbage_collection_go_through_the_node()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api);
        ContentId record = await store.PutRecordAsync("{\"k\":1}"u8.ToArray(), Ct);
        Cid loose = Cid.Compute(ContentCodec.Raw, "loose"u8);
        await store.PutBlockAsync(loose.ToContentId(), "loose"u8.ToArray(), Ct);

        Assert.Equal(Cid.Compute(ContentCodec.Raw, "{\"k\":1}"u8).ToContentId(), record);
        Assert.Equal("{\"k\":1}"u8.ToArray(), await store.GetRecordAsync(record, Ct));
        Assert.True(await store.HasBlockAsync(loose.ToContentId(), Ct));
        Assert.False(await store.HasBlockAsync(Cid.Compute(ContentCodec.Raw, "absent"u8).ToContentId(), Ct));
        Assert.Null(await store.GetBlockAsync(Cid.Compute(ContentCodec.Raw, "absent"u8).ToContentId(), Ct));
        Assert.Equal([record], await store.ListPinsAsync(Ct));
        Assert.Equal(2, (await EmbeddedContentStoreTests.ToListAsync(store.ListBlocksAsync(Ct))).Count);
        Assert.Equal(new ContentStoreStatistics(2, 12, 1), await store.GetStatisticsAsync(Ct));

        Assert.Equal(new GarbageCollectionResult(1, 5), await store.CollectGarbageAsync(Ct));
        await store.PinAsync(record, Ct);
        Assert.True(await store.UnpinAsync(record, Ct));
        Assert.False(await store.UnpinAsync(record, Ct));
        await Assert.ThrowsAsync<ContentNotFoundException>(() => store.PinAsync(loose.ToContentId(), Ct));
    }

    [Fact]
    public async Task A_CAR_exported_through_the_node_imports_elsewhere_and_one_imported_through_it_pins_its_root()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api, new UnixFsProfile(1, true, 1000, 3));
        byte[] content = Bytes(20_000);
        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);
        using var car = new MemoryStream();
        await store.ExportCarAsync([root], car, Ct);

        using EmbeddedContentStore other = EmbeddedContentStore.InMemory();
        car.Position = 0;
        Assert.Equal([root], await other.ImportCarAsync(car, Ct));
        Assert.Equal(content, await EmbeddedContentStoreTests.ReadAllAsync(other, root));

        ContentId second = await other.AddFileAsync(new MemoryStream(Bytes(5000)), Ct);
        using var secondCar = new MemoryStream();
        await other.ExportCarAsync([second], secondCar, Ct);
        secondCar.Position = 0;
        Assert.Equal([second], await store.ImportCarAsync(secondCar, Ct));
        Assert.Contains(second, await node.Store.ListPinsAsync(Ct));
    }

    [Fact]
    public async Task A_node_that_returns_other_bytes_for_a_block_is_caught_with_an_error_naming_the_block()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api);
        ContentId record = await store.PutRecordAsync("genuine"u8.ToArray(), Ct);
        node.Alter(Cid.Parse(record), "forged!"u8.ToArray());

        ContentCorruptedException error = await Assert.ThrowsAsync<ContentCorruptedException>(() => store.GetBlockAsync(record, Ct));

        Assert.Equal(record, error.Id);
        Assert.Equal(ErrorCodes.ContentCorrupted, error.Code);
        Assert.Contains(node.Api.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_file_whose_leaf_the_node_altered_fails_naming_that_leaf()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api, new UnixFsProfile(1, true, 1000, 3));
        byte[] content = Bytes(10_000);
        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);
        Cid leaf = Cid.Compute(ContentCodec.Raw, content.AsSpan(7000, 1000));
        node.Alter(leaf, new byte[1000]);

        ContentCorruptedException error = await Assert.ThrowsAsync<ContentCorruptedException>(() => EmbeddedContentStoreTests.ReadAllAsync(store, root));

        Assert.Equal(leaf.ToContentId(), error.Id);
    }

    [Fact]
    public async Task A_CAR_export_with_an_altered_block_or_a_block_left_out_is_refused()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api, new UnixFsProfile(1, true, 1000, 3));
        byte[] content = Bytes(10_000);
        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);
        Cid altered = Cid.Compute(ContentCodec.Raw, content.AsSpan(2000, 1000));
        Cid missing = Cid.Compute(ContentCodec.Raw, content.AsSpan(9000, 1000));

        node.Alter(altered, new byte[1000]);
        ContentCorruptedException corrupted = await Assert.ThrowsAsync<ContentCorruptedException>(() => store.ExportCarAsync([root], new MemoryStream(), Ct));
        node.Alter(altered, content.AsSpan(2000, 1000).ToArray());
        await node.ForgetAsync(missing);
        ContentNotFoundException incomplete = await Assert.ThrowsAsync<ContentNotFoundException>(() => store.ExportCarAsync([root], new MemoryStream(), Ct));

        Assert.Equal(altered.ToContentId(), corrupted.Id);
        Assert.Equal(missing.ToContentId(), incomplete.Id);
    }

    [Fact]
    public async Task A_CAR_with_a_bad_block_is_refused_before_the_node_sees_it()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api);
        using EmbeddedContentStore source = EmbeddedContentStore.InMemory();
        ContentId record = await source.PutRecordAsync("genuine"u8.ToArray(), Ct);
        ((MemoryBlockStorage)source.Storage).Tamper(record.Value, "forged!"u8.ToArray());
        using var car = new MemoryStream();
        await Car.CarWriter.WriteHeaderAsync(car, [Cid.Parse(record)], Ct);
        await Car.CarWriter.WriteBlockAsync(car, Cid.Parse(record), "forged!"u8.ToArray(), Ct);
        car.Position = 0;

        ContentCorruptedException error = await Assert.ThrowsAsync<ContentCorruptedException>(() => store.ImportCarAsync(car, Ct));

        Assert.Equal(record, error.Id);
        Assert.DoesNotContain(node.Requests, r => r.StartsWith("dag/import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_carries_Kubos_message_and_code()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using var store = KuboContentStore.Connect(node.Api);
        node.Refuse["block/put"] = "blockstore: disk quota exceeded";

        KuboException error = await Assert.ThrowsAsync<KuboException>(() => store.PutRecordAsync("x"u8.ToArray(), Ct));

        Assert.Equal(ErrorCodes.NodeError, error.Code);
        Assert.Equal("block/put", error.Command);
        Assert.Equal("blockstore: disk quota exceeded", error.KuboMessage);
        Assert.Equal(0, error.KuboCode);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("disk quota exceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_cannot_be_reached_is_a_typed_error_naming_it()
    {
        var api = new Uri($"http://127.0.0.1:{ValueChain.Testing.LoopbackPort.Free()}/");
        using var store = KuboContentStore.Connect(api);

        KuboException error = await Assert.ThrowsAsync<KuboException>(() => store.GetBlockAsync(Cid.Compute(ContentCodec.Raw, "x"u8).ToContentId(), Ct));

        Assert.Equal(ErrorCodes.NodeUnavailable, error.Code);
        Assert.Contains(api.ToString(), error.Message, StringComparison.Ordinal);
    }

    internal static UnixFsProfile ProfileOf(string name) => name switch
    {
        "kuboDefaultV0" => UnixFsProfile.KuboDefaultV0,
        "kuboV1" => UnixFsProfile.KuboV1,
        "kuboV1RawLeaves" => UnixFsProfile.KuboV1RawLeaves,
        _ => UnixFsProfile.UnixFsV1Of2025,
    };

    internal static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(((i * 31) + 7 + (i / 1000)) % 251);
        }

        return bytes;
    }
}
