using System.Text;
using System.Text.Json.Nodes;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class UnixFsVectorTests
{
    private static readonly Dictionary<string, UnixFsProfile> ProfilesByName = new()
    {
        ["kuboDefaultV0"] = UnixFsProfile.KuboDefaultV0,
        ["kuboV1"] = UnixFsProfile.KuboV1,
        ["kuboV1RawLeaves"] = UnixFsProfile.KuboV1RawLeaves,
        ["unixfsV1_2025"] = UnixFsProfile.UnixFsV1Of2025,
    };

    public static TheoryData<int> CidEntries => Vectors.Indices(Vectors.Cids);

    public static TheoryData<int> ProfileEntries => Vectors.Indices(Vectors.Profiles);

    [Theory]
    [MemberData(nameof(CidEntries))]
    public async Task Ipfs_add_defaults_give_the_vectors_CIDv0_and_its_v1_form(int index)
    {
        JsonObject entry = Vectors.Entries(Vectors.Cids)[index];
        long size = (long)entry["size"]!;
        Stream content = entry["contentUtf8"] is { } text
            ? new MemoryStream(Encoding.UTF8.GetBytes((string)text!))
            : FormulaVectors.FromText(size, (string)entry["content"]!);
        Assert.Equal(size, content.Length);

        (Cid root, _) = await ImportAsync(content, UnixFsProfile.KuboDefaultV0);

        Assert.Equal((string)entry["cidV0"]!, root.ToString());
        Assert.Equal((string)entry["cidV1"]!, root.ToV1().ToString());
        Assert.Equal(root, Cid.Parse((string)entry["cidV1"]!).ToV0());
    }

    [Theory]
    [MemberData(nameof(ProfileEntries))]
    public async Task Every_profile_gives_the_reference_importers_root_and_block_count(int index)
    {
        JsonObject entry = Vectors.Entries(Vectors.Profiles)[index];
        long size = (long)entry["size"]!;
        JsonObject content = entry["content"]!.AsObject();
        var profileNames = entry.Select(p => p.Key).Where(k => k is not ("size" or "content")).ToList();
        Assert.Equal(ProfilesByName.Keys.Order(), profileNames.Order());

        foreach (string name in profileNames)
        {
            (Cid root, int blocks) = await ImportAsync(FormulaVectors.FromParameters(size, content), ProfilesByName[name]);
            Assert.True((string)entry[name]!["cid"]! == root.ToString(), $"{name}, {size} bytes: expected {entry[name]!["cid"]}, got {root}");
            Assert.True((int)entry[name]!["blocks"]! == blocks, $"{name}, {size} bytes: expected {entry[name]!["blocks"]} blocks, got {blocks}");
        }
    }

    [Fact]
    public async Task A_1_GiB_import_keeps_memory_bounded()
    {
        const long size = 1L << 30;
        long peak = 0;
        int puts = 0;
        Cid root = await UnixFsImporter.ImportAsync(new FormulaContent(size, 31, 7, 0, 251), UnixFsProfile.KuboDefaultV0, (_, _, _) =>
        {
            // Sampling the live heap after a full collection, every 512 blocks: the importer holds one chunk and a few link lists.
            if (++puts % 512 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }

            return ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(0, root.Version);
        Assert.True(puts > 4096, $"{puts} blocks for 1 GiB in 256 KiB chunks");
        Assert.True(peak < 48L * 1024 * 1024, $"The live heap reached {peak / (1024 * 1024)} MiB while importing 1 GiB.");
    }

    internal static async Task<(Cid Root, int DistinctBlocks)> ImportAsync(Stream content, UnixFsProfile profile)
    {
        var blocks = new HashSet<Cid>();
        Cid root = await UnixFsImporter.ImportAsync(content, profile, (cid, block, _) =>
        {
            Assert.True(cid.Matches(block), $"The importer named a block {cid} its bytes do not hash to.");
            blocks.Add(cid);
            return ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);
        Assert.Contains(root, blocks);
        return (root, blocks.Count);
    }
}
