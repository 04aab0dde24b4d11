using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum.Generators.Tests;

// A view's binding calls it on the latest state or at a block: the block goes to eth_call as its tag, and calls at
// blocks are coalesced with the others, each answered with its own block's state.
public sealed class CallAtBlockTests
{
    private const string Abi = """
        [
          {"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"","type":"uint256"}]}
        ]
        """;

    private static readonly Address Owner = Address.Parse("0x00000000000000000000000000000000000000aa");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_at_a_block_sends_that_block_as_the_tag_and_the_plain_call_sends_latest()
    {
        var node = new BlockEchoNode();
        using var http = new HttpClient(node);
        object token = Bind(http);

        UInt256 atBlock = await BalanceOfAsync(token, [Owner, (ulong?)42, Cancel]);
        UInt256 latest = await BalanceOfAsync(token, [Owner, Cancel]);
        UInt256 explicitLatest = await BalanceOfAsync(token, [Owner, null, Cancel]);

        Assert.Equal(["0x2a", "latest", "latest"], node.Tags);
        Assert.Equal(new UInt256(42), atBlock); // the node's answer for that block, decoded
        Assert.Equal((new UInt256(BlockEchoNode.Latest), new UInt256(BlockEchoNode.Latest)), (latest, explicitLatest));
    }

    [Fact]
    public async Task Concurrent_calls_at_blocks_go_out_in_one_batch_and_each_gets_its_own_blocks_answer()
    {
        var node = new BlockEchoNode();
        using var http = new HttpClient(node);
        object token = Bind(http);

        UInt256[] answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(block => BalanceOfAsync(token, [Owner, (ulong?)block, Cancel])));

        Assert.Equal(Enumerable.Range(1, 20).Select(block => new UInt256(block)), answers);
        Assert.InRange(node.Posts, 1, 4); // coalesced: without, 20 posts
        Assert.Equal(Enumerable.Range(1, 20).Select(block => "0x" + block.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Order(), node.Tags.Order());
    }

    private static object Bind(HttpClient http)
    {
        var (_, output, _) = GeneratorHarness.Run(("Token.abi.json", Abi));
        Type token = GeneratorHarness.Load(output).GetType("My.App.Contracts.Token", throwOnError: true)!;
        var client = new EthereumClient(new JsonRpcClient(http, new JsonRpcOptions { Endpoint = new Uri("http://node.invalid/") }), null, new EthereumClientOptions { ChainId = 1 });
        return Activator.CreateInstance(token, client, Address.Parse("0x00000000000000000000000000000000000000cc"))!;
    }

    private static Task<UInt256> BalanceOfAsync(object token, object?[] arguments)
    {
        MethodInfo method = token.GetType().GetMethods().Single(m => m.Name == "BalanceOfAsync" && m.GetParameters().Length == arguments.Length);
        return (Task<UInt256>)method.Invoke(token, arguments)!;
    }

    // Answers every eth_call with the number of the block it was asked at (Latest for "latest"), as a uint256.
    private sealed class BlockEchoNode : HttpMessageHandler
    {
        public const int Latest = 1000;

        private readonly List<string> _tags = [];
        private int _posts;

        public IReadOnlyList<string> Tags
        {
            get
            {
                lock (_tags)
                {
                    return [.. _tags];
                }
            }
        }

        public int Posts => Volatile.Read(ref _posts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _posts);
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var answers = new List<string>();
            foreach (JsonElement call in body.RootElement.EnumerateArray())
            {
                Assert.Equal("eth_call", call.GetProperty("method").GetString());
                string tag = call.GetProperty("params")[1].GetString()!;
                lock (_tags)
                {
                    _tags.Add(tag);
                }

                ulong block = tag == "latest" ? Latest : Convert.ToUInt64(tag[2..], 16);
                answers.Add($$"""{"jsonrpc":"2.0","id":{{call.GetProperty("id").GetRawText()}},"result":"0x{{block:x64}}"}""");
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"[{string.Join(",", answers)}]", Encoding.UTF8, "application/json") };
        }
    }
}
