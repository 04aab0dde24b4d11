using System.Text.Json;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// Concurrent eth_calls of one JsonRpcClient go out together; each caller still gets its own answer or its own error.
// The calls go to the identity precompile (address 4), which returns its input: every answer names its call.
public sealed class JsonRpcCoalescingTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_calls_go_out_in_few_batches_and_each_caller_gets_its_own_answer()
    {
        var posts = new PostCounter();
        using var http = new HttpClient(posts);
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });

        string[] answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () => (await rpc.CallAsync("eth_call", [Identity(i), "latest"], Cancel)).GetString()!)));

        Assert.Equal([.. Enumerable.Range(0, 300).Select(Data)], answers);
        Assert.InRange(posts.Count, 3, 60); // at most 100 calls per batch; without coalescing, 300 posts
    }

    [Fact]
    public async Task A_call_the_node_refuses_fails_alone_among_coalesced_calls()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });

        Task<JsonElement>[] calls = [.. Enumerable.Range(0, 20).Select(i => rpc.CallAsync("eth_call", [i == 7 ? Map("0x04", "0xnothex") : Identity(i), "latest"], Cancel))];
        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.IsType<JsonRpcException>(calls[7].Exception!.InnerException);
        Assert.All(calls.Where((_, i) => i != 7), call => Assert.True(call.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Without_coalescing_every_call_is_a_request_of_its_own()
    {
        var posts = new PostCounter();
        using var http = new HttpClient(posts);
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint, CoalesceCalls = false });

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => rpc.CallAsync("eth_call", [Identity(i), "latest"], Cancel)));

        Assert.Equal(30, posts.Count);
    }

    private static string Data(int i) => "0x" + i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Identity(int i) => Map("0x0000000000000000000000000000000000000004", Data(i));

    private static Dictionary<string, object?> Map(string to, string data) => new() { ["to"] = to, ["data"] = data };

    private sealed class PostCounter() : DelegatingHandler(new HttpClientHandler())
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
