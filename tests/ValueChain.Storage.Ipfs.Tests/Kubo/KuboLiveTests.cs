using ValueChain.Content;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.Storage.Ipfs.Tests.Kubo;

/// <summary>The Kubo client against a real Kubo node, when VALUECHAIN_KUBO_RPC names one (for example http://127.0.0.1:5001).</summary>
public sealed class KuboLiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KuboContentStoreTests.Profiles), MemberType = typeof(KuboContentStoreTests))]
    public async Task A_real_Kubo_node_imports_with_each_profile_to_our_root_and_serves_it_back_verified(string name)
    {
        using KuboContentStore store = Connect(name);
        byte[] content = KuboContentStoreTests.Bytes(2_500_000);

        ContentId root = await store.AddFileAsync(new MemoryStream(content), Ct);

        using EmbeddedContentStore reference = EmbeddedContentStore.InMemory(store.Profile);
        Assert.Equal((await reference.AddFileAsync(new MemoryStream(content), Ct)).Value, root.Value);
        Assert.Equal(content, await EmbeddedContentStoreTests.ReadAllAsync(store, root));
        using var car = new MemoryStream();
        await store.ExportCarAsync([root], car, Ct);
        car.Position = 0;
        using EmbeddedContentStore other = EmbeddedContentStore.InMemory();
        Assert.Equal([root], await other.ImportCarAsync(car, Ct));
        Assert.True(await store.UnpinAsync(root, Ct));
    }

    [Fact]
    public async Task A_real_Kubo_node_stores_records_and_answers_its_errors_in_its_own_words()
    {
        using KuboContentStore store = Connect("unixfsV1_2025");
        byte[] record = System.Text.Encoding.UTF8.GetBytes($"{{\"live\":\"{Guid.NewGuid()}\"}}");

        ContentId id = await store.PutRecordAsync(record, Ct);

        Assert.Equal(Cid.Compute(ContentCodec.Raw, record).ToContentId(), id);
        Assert.Equal(record, await store.GetRecordAsync(id, Ct));
        Assert.Contains(id, await store.ListPinsAsync(Ct));
        Assert.True(await store.UnpinAsync(id, Ct));
        Assert.False(await store.UnpinAsync(id, Ct));
        Assert.Null(await store.GetBlockAsync(Cid.Compute(ContentCodec.Raw, System.Text.Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())).ToContentId(), Ct));
    }

    private static KuboContentStore Connect(string profile)
    {
        string? api = Environment.GetEnvironmentVariable("VALUECHAIN_KUBO_RPC");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(api), "VALUECHAIN_KUBO_RPC names no Kubo node (set it to a node's RPC root, for example http://127.0.0.1:5001, to run this test).");
        return KuboContentStore.Connect(new Uri(api!), KuboContentStoreTests.ProfileOf(profile));
    }
}
