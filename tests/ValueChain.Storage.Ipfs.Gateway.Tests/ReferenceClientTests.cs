using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.Tests;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Gateway.Tests;

/// <summary>
/// A client nobody here wrote fetches from our gateway and verifies: node's fetch, @ipld/car,
/// multiformats and ipfs-unixfs-exporter (pinned in tools/), trusting nothing but the CID.
/// </summary>
public sealed class ReferenceClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Cases => new()
    {
        { "kuboDefaultV0", 262145 },
        { "kuboV1", 1000 },
        { "kuboV1RawLeaves", 600000 },
        { "unixfsV1_2025", 2097153 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_reference_tools_fetch_a_file_from_the_gateway_and_verify_it(string profileName, int size)
    {
        UnixFsProfile profile = profileName switch
        {
            "kuboDefaultV0" => UnixFsProfile.KuboDefaultV0,
            "kuboV1" => UnixFsProfile.KuboV1,
            "kuboV1RawLeaves" => UnixFsProfile.KuboV1RawLeaves,
            _ => UnixFsProfile.UnixFsV1Of2025,
        };
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = EmbeddedContentStore.Open(Path.Combine(dir.Path, "store"), profile);
        byte[] content = GatewayHarness.Bytes(size);
        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);
        await using ContentGatewayServer gateway = await ContentGatewayServer.StartAsync(store, new ContentGatewayOptions { Port = 0 }, cancellationToken: Ct);

        string output = Path.Combine(dir.Path, "fetched.bin");
        string theirRoot = await NodeScript.RunAsync("fetch-from-gateway.mjs", gateway.BaseAddress.ToString(), root.Value, output);

        Assert.Equal(root.Value, theirRoot);
        Assert.Equal(content, await File.ReadAllBytesAsync(output, Ct));
    }
}
