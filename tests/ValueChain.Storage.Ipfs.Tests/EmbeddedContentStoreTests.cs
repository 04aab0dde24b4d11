using System.Security.Cryptography;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class EmbeddedContentStoreTests
{
    private static readonly UnixFsProfile Small = new(1, true, 64, 4);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Kinds => new() { "memory", "disk" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_reads_back_byte_for_byte(string kind)
    {
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = Create(kind, dir, Small);
        byte[] content = RandomNumberGenerator.GetBytes(5000);

        ContentId id = await store.AddFileAsync(new MemoryStream(content), Ct);

        Assert.Equal(content, await ReadAllAsync(store, id));
        Assert.Contains(Cid.Parse(id).ToV1().ToContentId(), await store.ListPinsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_record_is_one_raw_block_named_by_the_sha2_256_of_its_bytes(string kind)
    {
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = Create(kind, dir, Small);
        byte[] record = """{"obstacle":"pothole","lat":48137154,"lon":11576124}"""u8.ToArray();

        ContentId id = await store.PutRecordAsync(record, Ct);

        Cid cid = Cid.Parse(id);
        Assert.Equal((1, ContentCodec.Raw, MultihashCode.Sha256), (cid.Version, cid.Codec, cid.Hash));
        Assert.Equal(SHA256.HashData(record), cid.Digest.ToArray());
        Assert.Equal(record, await store.GetRecordAsync(id, Ct));
        Assert.Equal(new ContentStoreStatistics(1, record.Length, 1), await store.GetStatisticsAsync(Ct));
        Assert.Null(await store.GetRecordAsync(Cid.Compute(ContentCodec.Raw, "other"u8).ToContentId(), Ct));
    }

    [Fact]
    public async Task A_block_whose_bytes_do_not_match_its_id_is_refused()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory();
        ContentId id = Cid.Compute(ContentCodec.Raw, "right"u8).ToContentId();

        var error = await Assert.ThrowsAsync<ContentCorruptedException>(() => store.PutBlockAsync(id, "wrong"u8.ToArray(), Ct));

        Assert.Equal(id, error.Id);
        Assert.Equal(ErrorCodes.ContentCorrupted, error.Code);
        Assert.False(await store.HasBlockAsync(id, Ct));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Garbage_collection_removes_only_what_no_pin_reaches(string kind)
    {
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = Create(kind, dir, Small);
        byte[] kept = RandomNumberGenerator.GetBytes(1000);
        byte[] dropped = RandomNumberGenerator.GetBytes(700);
        ContentId keptId = await store.AddFileAsync(new MemoryStream(kept), Ct);
        ContentId droppedId = await store.AddFileAsync(new MemoryStream(dropped), Small, pin: false, Ct);
        ContentStoreStatistics before = await store.GetStatisticsAsync(Ct);

        GarbageCollectionResult first = await store.CollectGarbageAsync(Ct);

        Assert.True(first.BlocksRemoved > 1, $"{first.BlocksRemoved} blocks removed");
        ContentStoreStatistics after = await store.GetStatisticsAsync(Ct);
        Assert.Equal(before.BlockCount - first.BlocksRemoved, after.BlockCount);
        Assert.Equal(before.TotalBytes - first.BytesFreed, after.TotalBytes);
        Assert.Equal(kept, await ReadAllAsync(store, keptId));
        Assert.False(await store.HasBlockAsync(droppedId, Ct));
        await Assert.ThrowsAsync<ContentNotFoundException>(() => store.OpenFileAsync(droppedId, Ct));

        Assert.True(await store.UnpinAsync(keptId, Ct));
        Assert.False(await store.UnpinAsync(keptId, Ct));
        await store.CollectGarbageAsync(Ct);
        Assert.Equal(new ContentStoreStatistics(0, 0, 0), await store.GetStatisticsAsync(Ct));
    }

    [Fact]
    public async Task Pinning_an_incomplete_DAG_names_the_missing_block()
    {
        using EmbeddedContentStore source = EmbeddedContentStore.InMemory(Small);
        using EmbeddedContentStore target = EmbeddedContentStore.InMemory(Small);
        ContentId root = await source.AddFileAsync(new MemoryStream(RandomNumberGenerator.GetBytes(300)), Ct);
        await target.PutBlockAsync(root, (await source.GetBlockAsync(root, Ct))!, Ct);

        var error = await Assert.ThrowsAsync<ContentNotFoundException>(() => target.PinAsync(root, Ct));

        Assert.NotEqual(root, error.Id);
        Assert.True(await source.HasBlockAsync(error.Id, Ct));
        Assert.Contains(error.Id.Value, error.Message, StringComparison.Ordinal);
        Assert.Empty(await target.ListPinsAsync(Ct));
    }

    [Fact]
    public async Task A_disk_store_reopens_with_its_blocks_and_pins_and_drops_stray_temporary_files()
    {
        using var dir = new TempDirectory();
        byte[] content = RandomNumberGenerator.GetBytes(3000);
        ContentId id;
        using (EmbeddedContentStore store = EmbeddedContentStore.Open(dir.Path, Small))
        {
            id = await store.AddFileAsync(new MemoryStream(content), Ct);
        }

        // A crash mid-write leaves a temporary file, never a block under its name.
        string stray = Path.Combine(dir.Path, "tmp", "interrupted");
        await File.WriteAllBytesAsync(stray, [1, 2, 3], Ct);

        using EmbeddedContentStore reopened = EmbeddedContentStore.Open(dir.Path, Small);
        Assert.False(File.Exists(stray));
        Assert.Equal(content, await ReadAllAsync(reopened, id));
        Assert.Single(await reopened.ListPinsAsync(Ct));
        await foreach (ContentId block in reopened.ListBlocksAsync(Ct))
        {
            Assert.NotNull(await reopened.GetBlockAsync(block, Ct));
        }
    }

    [Fact]
    public async Task A_block_altered_on_disk_is_a_typed_error_naming_it_never_wrong_bytes()
    {
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = EmbeddedContentStore.Open(dir.Path, Small);
        ContentId id = await store.AddFileAsync(new MemoryStream(RandomNumberGenerator.GetBytes(1000)), Ct);
        string leaf = (await ToListAsync(store.ListBlocksAsync(Ct))).First(b => Cid.Parse(b).Codec == ContentCodec.Raw).Value;
        string path = ((FileBlockStorage)store.Storage).PathOf(leaf);
        byte[] bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[0] ^= 1;
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var error = await Assert.ThrowsAsync<ContentCorruptedException>(() => ReadAllAsync(store, id));

        Assert.Equal(leaf, error.Id.Value);
        await Assert.ThrowsAsync<ContentCorruptedException>(() => store.GetBlockAsync(new ContentId(leaf), Ct));
    }

    [Fact]
    public async Task A_block_missing_inside_a_file_is_not_found_naming_it()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory(Small);
        byte[] content = RandomNumberGenerator.GetBytes(1000);
        ContentId id = await store.AddFileAsync(new MemoryStream(content), Ct);
        string leaf = (await ToListAsync(store.ListBlocksAsync(Ct))).First(b => Cid.Parse(b).Codec == ContentCodec.Raw).Value;
        Assert.True(await store.Storage.DeleteAsync(leaf, Ct) > 0);

        var error = await Assert.ThrowsAsync<ContentNotFoundException>(() => ReadAllAsync(store, id));

        Assert.Equal(leaf, error.Id.Value);
        Assert.Contains(id.Value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_file_that_was_never_stored_is_not_found()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory();
        ContentId id = Cid.Compute(ContentCodec.DagPb, "absent"u8).ToContentId();

        var error = await Assert.ThrowsAsync<ContentNotFoundException>(() => store.OpenFileAsync(id, Ct));

        Assert.Equal(id, error.Id);
        Assert.Equal(ErrorCodes.ContentNotFound, error.Code);
    }

    internal static EmbeddedContentStore Create(string kind, TempDirectory dir, UnixFsProfile profile) =>
        kind == "disk" ? EmbeddedContentStore.Open(dir.Path, profile) : EmbeddedContentStore.InMemory(profile);

    internal static async Task<byte[]> ReadAllAsync(IContentStore store, ContentId id)
    {
        await using Stream stream = await store.OpenFileAsync(id, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
