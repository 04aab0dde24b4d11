using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>CARs cross between our store and the JavaScript reference tools (@ipld/car, ipfs-unixfs-importer/-exporter).</summary>
public sealed class ReferenceToolsInteropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Cases => new()
    {
        { "kuboDefaultV0", 0 },
        { "kuboDefaultV0", 262145 },
        { "kuboV1", 600000 },
        { "kuboV1RawLeaves", 1 },
        { "kuboV1RawLeaves", 1048577 },
        { "unixfsV1_2025", 2097153 },
        { "tiny", 5000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_CAR_exported_by_the_store_reads_back_in_the_reference_exporter(string profileName, int size)
    {
        using var dir = new TempDirectory();
        UnixFsProfile profile = Profile(profileName);
        byte[] content = Content(size);
        using EmbeddedContentStore store = EmbeddedContentStore.Open(Path.Combine(dir.Path, "store"), profile);
        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);
        string car = Path.Combine(dir.Path, "ours.car");
        await using (FileStream file = File.Create(car))
        {
            await store.ExportCarAsync([root], file, Ct);
        }

        string output = Path.Combine(dir.Path, "out.bin");
        string theirRoot = await NodeScript.RunAsync("read-car.mjs", car, output);

        Assert.Equal(root.Value, theirRoot);
        Assert.Equal(content, await File.ReadAllBytesAsync(output, Ct));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_CAR_written_by_the_reference_importer_imports_with_the_same_root(string profileName, int size)
    {
        using var dir = new TempDirectory();
        UnixFsProfile profile = Profile(profileName);
        byte[] content = Content(size);
        string input = Path.Combine(dir.Path, "in.bin");
        await File.WriteAllBytesAsync(input, content, Ct);
        string car = Path.Combine(dir.Path, "theirs.car");
        string theirRoot = await NodeScript.RunAsync("write-car.mjs", input, car,
            profile.CidVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), profile.RawLeaves ? "true" : "false",
            profile.ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture), profile.MaxLinks.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using EmbeddedContentStore store = EmbeddedContentStore.InMemory(profile);
        IReadOnlyList<ContentId> roots;
        await using (FileStream file = File.OpenRead(car))
        {
            roots = await store.ImportCarAsync(file, Ct);
        }

        Assert.Equal([new ContentId(theirRoot)], roots);
        Assert.Equal(content, await EmbeddedContentStoreTests.ReadAllAsync(store, roots[0]));
        using EmbeddedContentStore fresh = EmbeddedContentStore.InMemory(profile);
        Assert.Equal(theirRoot, (await fresh.AddFileAsync(new MemoryStream(content), Ct)).Value);
    }

    private static UnixFsProfile Profile(string name) => name switch
    {
        "kuboDefaultV0" => UnixFsProfile.KuboDefaultV0,
        "kuboV1" => UnixFsProfile.KuboV1,
        "kuboV1RawLeaves" => UnixFsProfile.KuboV1RawLeaves,
        "unixfsV1_2025" => UnixFsProfile.UnixFsV1Of2025,
        _ => new UnixFsProfile(1, false, 100, 3),
    };

    private static byte[] Content(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
