using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Gateway.Tests;

/// <summary>A store with one file in it, served by a real Kestrel gateway on a free loopback port.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private GatewayHarness(EmbeddedContentStore store, ContentGatewayServer server, ContentId file, byte[] content)
    {
        Store = store;
        Server = server;
        File = file;
        Content = content;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    internal EmbeddedContentStore Store { get; }

    internal ContentGatewayServer Server { get; }

    internal HttpClient Client { get; }

    /// <summary>The root of the file added at the start.</summary>
    internal ContentId File { get; }

    internal byte[] Content { get; }

    /// <summary>Adds <paramref name="size"/> bytes with <paramref name="profile"/> to an in-memory store and serves it on port 0 (a free port).</summary>
    internal static async Task<GatewayHarness> StartAsync(int size, UnixFsProfile? profile = null, Action<ContentGatewayOptions>? configure = null)
    {
        EmbeddedContentStore store = EmbeddedContentStore.InMemory(profile ?? new UnixFsProfile(1, true, 1000, 4));
        byte[] content = Bytes(size);
        ContentId file = await store.AddFileAsync(new MemoryStream(content), TestContext.Current.CancellationToken);
        var options = new ContentGatewayOptions { Port = 0 };
        configure?.Invoke(options);
        ContentGatewayServer server = await ContentGatewayServer.StartAsync(store, options, cancellationToken: TestContext.Current.CancellationToken);
        return new GatewayHarness(store, server, file, content);
    }

    internal static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(((i * 31) + 7 + (i / 1000)) % 251);
        }

        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Store.Dispose();
    }
}
