using System.Net;
using System.Text;
using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

public sealed class DevelopmentNodeFundingTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly UInt256 TenEther = UInt256.Parse("10000000000000000000");
    private readonly HttpClient _http = new();

    [Fact]
    public async Task On_anvil_the_balance_is_set_with_anvil_setBalance()
    {
        var rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        Address account = PrivateKey.Generate().Address;

        string method = await DevelopmentNodeFunding.FundAsync(rpc, account, TenEther, TestContext.Current.CancellationToken);

        Assert.Equal("anvil_setBalance", method);
        Assert.Equal(TenEther, await BalanceAsync(rpc, account));
    }

    [Fact]
    public async Task A_node_without_any_set_balance_method_funds_by_a_transfer_from_its_unlocked_account()
    {
        // A real anvil behind a proxy that answers the three set-balance methods as a node without them does.
        await using var proxy = await RefusingProxy.StartAsync(anvil.Endpoint, ["anvil_setBalance", "hardhat_setBalance", "evm_setAccountBalance"]);
        var rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = proxy.Endpoint });
        Address account = PrivateKey.Generate().Address;

        string method = await DevelopmentNodeFunding.FundAsync(rpc, account, TenEther, TestContext.Current.CancellationToken);

        Assert.Equal("eth_sendTransaction", method);
        Assert.Equal(TenEther, await BalanceAsync(rpc, account));
        Assert.Equal(3, proxy.Refused);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<UInt256> BalanceAsync(JsonRpcClient rpc, Address account) =>
        UInt256.Parse((await rpc.CallAsync("eth_getBalance", [account.ToLowerHex(), "latest"], TestContext.Current.CancellationToken)).GetString()!);

    private sealed class RefusingProxy : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly HttpClient _forward = new();
        private readonly Uri _target;
        private readonly HashSet<string> _refused;
        private readonly Task _loop;
        private int _refusedCount;

        private RefusingProxy(Uri target, IEnumerable<string> refused, int port)
        {
            (_target, _refused) = (target, [.. refused]);
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri Endpoint { get; }

        public int Refused => _refusedCount;

        public static Task<RefusingProxy> StartAsync(Uri target, IEnumerable<string> refused) => Task.FromResult(new RefusingProxy(target, refused, LoopbackPort.Free()));

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _listener.Close();
            _forward.Dispose();
        }

        // One request: refused as a node without the method refuses it, or forwarded to the real node.
        private async Task<string> AnswerAsync(JsonElement request)
        {
            if (_refused.Contains(request.GetProperty("method").GetString()!))
            {
                Interlocked.Increment(ref _refusedCount);
                return $$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"error":{"code":-32601,"message":"Method not found"}}""";
            }

            using HttpResponseMessage forwarded = await _forward.PostAsync(_target, new StringContent(request.GetRawText(), Encoding.UTF8, "application/json"));
            return await forwarded.Content.ReadAsStringAsync();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                string body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
                using JsonDocument request = JsonDocument.Parse(body);
                string answer = request.RootElement.ValueKind == JsonValueKind.Array
                    ? "[" + string.Join(",", await Task.WhenAll(request.RootElement.EnumerateArray().Select(AnswerAsync))) + "]"
                    : await AnswerAsync(request.RootElement);
                byte[] bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
