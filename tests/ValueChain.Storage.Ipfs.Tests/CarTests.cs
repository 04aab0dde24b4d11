using CsCheck;
using System.Security.Cryptography;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class CarTests
{
    private static readonly UnixFsProfile Small = new(1, true, 32, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CAR_of_several_roots_moves_every_DAG_to_another_store()
    {
        using EmbeddedContentStore source = EmbeddedContentStore.InMemory(Small);
        using EmbeddedContentStore target = EmbeddedContentStore.InMemory(Small);
        byte[] first = RandomNumberGenerator.GetBytes(500);
        byte[] second = RandomNumberGenerator.GetBytes(90);
        ContentId a = await source.AddFileAsync(new MemoryStream(first), Ct);
        ContentId b = await source.AddFileAsync(new MemoryStream(second), UnixFsProfile.KuboDefaultV0, pin: true, Ct);
        using var car = new MemoryStream();

        await source.ExportCarAsync([a, b], car, Ct);
        car.Position = 0;
        IReadOnlyList<ContentId> roots = await target.ImportCarAsync(car, Ct);

        Assert.Equal([a, b], roots);
        Assert.Equal(first, await EmbeddedContentStoreTests.ReadAllAsync(target, a));
        Assert.Equal(second, await EmbeddedContentStoreTests.ReadAllAsync(target, b));
        Assert.Equal((await source.GetStatisticsAsync(Ct)).BlockCount, (await target.GetStatisticsAsync(Ct)).BlockCount);
        Assert.Equal(2, (await target.ListPinsAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_CAR_with_one_block_that_does_not_match_its_CID_is_refused_whole() =>
        await Gen.Select(Gen.Int[100, 2000], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
            .SampleAsync(async (size, which, where) =>
            {
                using EmbeddedContentStore source = EmbeddedContentStore.InMemory(Small);
                ContentId root = await source.AddFileAsync(new MemoryStream(RandomNumberGenerator.GetBytes(size)), Ct);
                List<ContentId> blocks = await EmbeddedContentStoreTests.ToListAsync(source.ListBlocksAsync(Ct));
                ContentId victim = blocks[which % blocks.Count];
                byte[] bytes = (await source.GetBlockAsync(victim, Ct))!;
                bytes[where % bytes.Length] ^= 0x40;
                ((MemoryBlockStorage)source.Storage).Tamper(victim.Value, bytes);

                using var car = new MemoryStream();
                await CarWriter.WriteHeaderAsync(car, [Cid.Parse(root)], Ct);
                foreach (ContentId block in blocks)
                {
                    byte[] data = block == victim ? bytes : (await source.GetBlockAsync(block, Ct))!;
                    await CarWriter.WriteBlockAsync(car, Cid.Parse(block), data, Ct);
                }

                car.Position = 0;
                using EmbeddedContentStore target = EmbeddedContentStore.InMemory(Small);
                var error = await Assert.ThrowsAsync<ContentCorruptedException>(() => target.ImportCarAsync(car, Ct));
                Assert.Equal(victim, error.Id);
                Assert.Equal(new ContentStoreStatistics(0, 0, 0), await target.GetStatisticsAsync(Ct));
            }, iter: 20);

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x04, 0xA1, 0x61, 0x61, 0x01 }, "version is missing")]
    [InlineData(new byte[] { 0x80, 0x80 }, "ends inside a frame length")]
    [InlineData(new byte[] { 0x10, 0xA2 }, "ends inside a frame")]
    public async Task A_malformed_CAR_is_a_format_error(byte[] archive, string reason)
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory();

        var error = await Assert.ThrowsAsync<ValueChainFormatException>(() => store.ImportCarAsync(new MemoryStream(archive), Ct));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
