using CsCheck;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class PropertyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Small chunks and link limits, so a few kilobytes reach trees three and four levels deep.</summary>
    private static readonly Gen<UnixFsProfile> Profiles =
        Gen.Select(Gen.Int[0, 1], Gen.Bool, Gen.Int[1, 16], Gen.Int[2, 5])
            .Select((version, raw, chunk, links) => new UnixFsProfile(version, raw && version == 1, chunk, links));

    /// <summary>Sizes on and around chunk and link boundaries: k * chunk * links^d plus or minus one.</summary>
    private static Gen<int> SizesFor(UnixFsProfile p) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[-1, 1])
            .Select((depth, k, delta) => Math.Max(0, (k * p.ChunkSize * (int)Math.Pow(p.MaxLinks, depth)) + delta));

    [Fact]
    public Task Import_then_export_returns_the_bytes_around_chunk_and_link_boundaries() =>
        Profiles.SelectMany(p => SizesFor(p).SelectMany(size => Gen.Byte.Array[size].Select(bytes => (p, bytes))))
            .SampleAsync(async t =>
            {
                using EmbeddedContentStore store = EmbeddedContentStore.InMemory(t.p);
                ContentId id = await store.AddFileAsync(new MemoryStream(t.bytes), Ct);
                Assert.Equal(t.bytes, await EmbeddedContentStoreTests.ReadAllAsync(store, id));
            }, iter: 300);

    [Fact]
    public Task Flipping_any_byte_of_any_stored_block_fails_the_read_naming_that_block() =>
        Profiles.SelectMany(p => Gen.Select(Gen.Int[1, 400], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[1, 255])
                .Select((size, which, where, mask) => (p, size, which, where, mask)))
            .SampleAsync(async t =>
            {
                using EmbeddedContentStore store = EmbeddedContentStore.InMemory(t.p);
                ContentId id = await store.AddFileAsync(new MemoryStream(System.Security.Cryptography.RandomNumberGenerator.GetBytes(t.size)), Ct);
                List<ContentId> blocks = await EmbeddedContentStoreTests.ToListAsync(store.ListBlocksAsync(Ct));
                ContentId victim = blocks[t.which % blocks.Count];
                byte[] bytes = (await store.GetBlockAsync(victim, Ct))!;
                bytes[t.where % bytes.Length] ^= (byte)t.mask;
                ((MemoryBlockStorage)store.Storage).Tamper(victim.Value, bytes);

                var error = await Assert.ThrowsAsync<ContentCorruptedException>(() => EmbeddedContentStoreTests.ReadAllAsync(store, id));

                // The error names the block as its parent links it (a CIDv0 in a v0 DAG); the store lists it as CIDv1.
                Assert.Equal(Multiformats.Cid.Parse(victim), Multiformats.Cid.Parse(error.Id).ToV1());
                Assert.Contains(error.Id.Value, error.Message, StringComparison.Ordinal);
            }, iter: 300);
}
