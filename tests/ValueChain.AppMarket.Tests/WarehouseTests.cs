using System.Security.Cryptography;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.AppMarket.Tests;

public sealed class WarehouseTests
{
    private static readonly byte[] Binary = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task An_upload_pins_the_cid_the_length_and_the_sha256_and_the_fetch_returns_those_bytes()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory();
        var warehouse = new AppWarehouse(store);

        BinaryReference reference = await warehouse.UploadAsync(new MemoryStream(Binary), TestContext.Current.CancellationToken);

        Assert.Equal(Binary.Length, reference.Length);
        Assert.Equal(new Hash32(SHA256.HashData(Binary)), reference.Sha256);
        Assert.Equal(Binary, await warehouse.FetchVerifiedAsync(reference, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Another_blob_under_the_records_cid_is_refused_naming_what_differs()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory();
        var warehouse = new AppWarehouse(store);
        BinaryReference reference = await warehouse.UploadAsync(new MemoryStream(Binary), TestContext.Current.CancellationToken);
        BinaryReference other = await warehouse.UploadAsync(new MemoryStream([.. Binary, 1]), TestContext.Current.CancellationToken);

        // A record that pins one binary but names another blob's CID (a warehouse that swapped the content).
        var longer = await Assert.ThrowsAsync<BinaryMismatchException>(() => warehouse.FetchVerifiedAsync(reference with { Cid = other.Cid }, TestContext.Current.CancellationToken));
        var altered = await Assert.ThrowsAsync<BinaryMismatchException>(() => warehouse.FetchVerifiedAsync(reference with { Sha256 = Hash32.Zero }, TestContext.Current.CancellationToken));

        Assert.StartsWith("length", longer.Reason, StringComparison.Ordinal);
        Assert.StartsWith("SHA-256", altered.Reason, StringComparison.Ordinal);
        Assert.Equal(AppMarketErrorCodes.BinaryMismatch, altered.Code);
    }

    [Fact]
    public async Task A_blob_altered_at_rest_is_refused_by_the_store_itself()
    {
        string folder = Directory.CreateTempSubdirectory("warehouse-").FullName;
        try
        {
            using EmbeddedContentStore store = EmbeddedContentStore.Open(folder);
            var warehouse = new AppWarehouse(store);
            BinaryReference reference = await warehouse.UploadAsync(new MemoryStream(Binary), TestContext.Current.CancellationToken);
            string block = Directory.EnumerateFiles(Path.Combine(folder, "blocks"), "*", SearchOption.AllDirectories).First();
            byte[] bytes = await File.ReadAllBytesAsync(block, TestContext.Current.CancellationToken);
            bytes[^1] ^= 0xFF;
            await File.WriteAllBytesAsync(block, bytes, TestContext.Current.CancellationToken);

            await Assert.ThrowsAsync<ContentCorruptedException>(() => warehouse.FetchVerifiedAsync(reference, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
