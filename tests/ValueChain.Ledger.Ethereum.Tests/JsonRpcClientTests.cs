using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

public sealed class JsonRpcClientTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private JsonRpcClient Client(Uri? endpoint = null, TimeSpan? timeout = null) => new(_http, new JsonRpcOptions
    {
        Endpoint = endpoint ?? anvil.Endpoint,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(10),
    });

    [Fact]
    public async Task A_call_returns_the_nodes_result()
    {
        JsonElement chainId = await Client().CallAsync("eth_chainId", [], TestContext.Current.CancellationToken);

        Assert.Equal(AnvilNode.ChainId, Quantity(chainId));
    }

    [Fact]
    public async Task A_batch_answers_in_request_order_and_one_refusal_does_not_fail_the_others()
    {
        string funded = PrivateKey.Parse(AnvilNode.DevKeys[0]).Address.ToLowerHex();

        IReadOnlyList<JsonRpcResult> results = await Client().BatchAsync(
            [new("eth_chainId"), new("no_such_method"), new("eth_getBalance", funded, "latest")], TestContext.Current.CancellationToken);

        Assert.Equal(AnvilNode.ChainId, Quantity(results[0].GetResult()));
        Assert.Equal(-32601, results[1].Error!.RpcCode);
        Assert.True(Quantity(results[2].GetResult()) > 0);
    }

    [Fact]
    public async Task A_refusal_is_a_typed_error_naming_the_method()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => Client().CallAsync("no_such_method", [], TestContext.Current.CancellationToken));

        Assert.Equal("no_such_method", error.Method);
        Assert.Equal(ErrorCodes.NodeError, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_transaction_signed_here_is_accepted_and_mined_by_the_node(int type)
    {
        var sender = PrivateKey.Parse(AnvilNode.DevKeys[type / 2]);
        Address recipient = PrivateKey.Generate().Address;
        JsonRpcClient client = Client();
        CancellationToken cancel = TestContext.Current.CancellationToken;
        ulong nonce = (ulong)Quantity(await client.CallAsync("eth_getTransactionCount", [sender.Address.ToLowerHex(), "pending"], cancel));
        var transaction = new EthereumTransaction
        {
            Type = type, ChainId = AnvilNode.ChainId, Nonce = nonce, GasLimit = 21_000, To = recipient, Value = new UInt256(12_345),
            GasPrice = new UInt256(10_000_000_000), MaxPriorityFeePerGas = new UInt256(1_000_000_000), MaxFeePerGas = new UInt256(10_000_000_000),
        };
        byte[] signed = transaction.Sign(sender);

        JsonElement hash = await client.CallAsync("eth_sendRawTransaction", [Hex.Encode(signed)], cancel);
        JsonElement receipt = await WaitForReceiptAsync(client, hash.GetString()!, cancel);

        Assert.Equal(EthereumTransaction.Hash(signed).ToString(), hash.GetString());
        Assert.Equal(1, (int)Quantity(receipt.GetProperty("status")));
        Assert.Equal(sender.Address, Address.Parse(receipt.GetProperty("from").GetString()!));
        Assert.Equal(12_345, Quantity(await client.CallAsync("eth_getBalance", [recipient.ToLowerHex(), "latest"], cancel)));
    }

    [Fact]
    public async Task A_send_the_node_refuses_is_a_typed_error_that_says_why()
    {
        var sender = PrivateKey.Generate();
        byte[] signed = new EthereumTransaction
        {
            ChainId = AnvilNode.ChainId + 1, GasLimit = 21_000, To = sender.Address,
            MaxPriorityFeePerGas = new UInt256(1), MaxFeePerGas = new UInt256(10_000_000_000),
        }.Sign(sender);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => Client().CallAsync("eth_sendRawTransaction", [Hex.Encode(signed)], TestContext.Current.CancellationToken));

        Assert.Equal("eth_sendRawTransaction", error.Method);
        Assert.NotEmpty(error.RpcMessage);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_times_out_with_a_typed_error()
    {
        // Accepts connections but never answers: the request must not hang.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");

        var error = await Assert.ThrowsAsync<NodeUnavailableException>(() =>
            Client(endpoint, TimeSpan.FromMilliseconds(200)).CallAsync("eth_chainId", [], TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.NodeUnavailable, error.Code);
        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_node_is_a_typed_error_after_the_retries()
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");

        var error = await Assert.ThrowsAsync<NodeUnavailableException>(() => Client(endpoint).CallAsync("eth_blockNumber", [], TestContext.Current.CancellationToken));

        Assert.Equal("eth_blockNumber", error.Method);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void Only_reading_methods_are_retried()
    {
        Assert.True(JsonRpcClient.IsSafeToRetry("eth_getTransactionReceipt"));
        Assert.False(JsonRpcClient.IsSafeToRetry("eth_sendRawTransaction"));
        Assert.Throws<ConfigurationException>(() => new JsonRpcClient(_http, new JsonRpcOptions()));
    }

    private static async Task<JsonElement> WaitForReceiptAsync(JsonRpcClient client, string hash, CancellationToken cancel)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            JsonElement receipt = await client.CallAsync("eth_getTransactionReceipt", [hash], cancel);
            if (receipt.ValueKind != JsonValueKind.Null)
            {
                return receipt;
            }

            await Task.Delay(10, cancel);
        }

        throw new TimeoutException($"No receipt for {hash} after 2 s.");
    }

    private static BigInteger Quantity(JsonElement hex) => HexQuantity.Parse(hex);
}
