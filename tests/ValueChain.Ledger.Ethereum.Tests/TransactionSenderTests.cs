using System.Numerics;
using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// Each test sends from its own freshly funded account, so the tests of the class do not share nonces.
public sealed class TransactionSenderTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly UInt256 Gwei = new(1_000_000_000);
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private JsonRpcClient Rpc => new(_http, new JsonRpcOptions { Endpoint = anvil.Endpoint });

    [Fact]
    public async Task A_thousand_sends_from_eight_tasks_land_with_consecutive_nonces()
    {
        using TransactionSender sender = await FundedSenderAsync();
        Address recipient = PrivateKey.Generate().Address;

        Hash32[][] hashes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var sent = new Hash32[125];
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = await sender.SendAsync(Transfer(recipient, 1), Cancel);
            }

            return sent;
        })));

        Hash32[] all = [.. hashes.SelectMany(h => h)];
        IReadOnlyList<JsonRpcResult> transactions = await Rpc.BatchAsync([.. all.Select(h => new JsonRpcRequest("eth_getTransactionByHash", h.ToString()))], Cancel);
        ulong[] nonces = [.. transactions.Select(t => Quantity(t.GetResult().GetProperty("nonce")))];
        TransactionReceipt last = await sender.WaitForReceiptAsync(all[Array.IndexOf(nonces, nonces.Max())], Cancel);
        Assert.True(last.Succeeded);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (ulong)i), nonces.Order());
        Assert.Equal(1000, await BalanceAsync(recipient));
    }

    [Fact]
    public async Task After_a_send_the_node_refuses_the_next_sends_still_land()
    {
        using TransactionSender sender = await FundedSenderAsync();
        Address recipient = PrivateKey.Generate().Address;
        await sender.SendAndWaitAsync(Transfer(recipient, 1), Cancel);

        var refused = await Assert.ThrowsAsync<JsonRpcException>(() => sender.SendAsync(Transfer(recipient, BigInteger.Pow(10, 30)), Cancel));
        TransactionReceipt next = await sender.SendAndWaitAsync(Transfer(recipient, 2), Cancel);

        Assert.Contains("funds", refused.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.True(next.Succeeded);
        Assert.Equal(1UL, await NonceOf(next.TransactionHash));
        Assert.Equal(3, await BalanceAsync(recipient));
    }

    [Fact]
    public async Task A_refused_transaction_among_concurrent_sends_fails_alone_and_the_others_land()
    {
        using TransactionSender sender = await FundedSenderAsync();
        Address recipient = PrivateKey.Generate().Address;

        // Queued together, these go out as one batch: the refused one's nonce sits between accepted ones.
        Task<TransactionReceipt>[] sends = [.. Enumerable.Range(0, 20).Select(i =>
            sender.SendAndWaitAsync(Transfer(recipient, i == 10 ? BigInteger.Pow(10, 30) : 1), Cancel))];
        Task all = Task.WhenAll(sends);
        await Assert.ThrowsAnyAsync<Exception>(() => all);

        var refused = Assert.IsType<JsonRpcException>(sends[10].Exception!.InnerException);
        Assert.Contains("funds", refused.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.All(sends.Where((_, i) => i != 10), s => Assert.True(s.Result.Succeeded));
        Assert.Equal(19, await BalanceAsync(recipient));
        TransactionReceipt next = await sender.SendAndWaitAsync(Transfer(recipient, 1), Cancel);
        Assert.True(next.Succeeded);
        Assert.Equal(20, await BalanceAsync(recipient));
        // 20 transfers, plus the zero-value filler of the refused nonce when it sat inside a batch (almost always).
        Assert.InRange(Quantity(await Rpc.CallAsync("eth_getTransactionCount", [sender.Address.ToLowerHex(), "latest"], Cancel)), 20UL, 21UL);
    }

    [Fact]
    public async Task On_anvil_a_batch_goes_out_first_nonce_last_and_is_mined_in_one_block()
    {
        (RecordingHandler requests, TransactionSender sender, GatedSigner gate) = await GatedSenderAsync(BatchRelease.Auto);
        using (sender)
        {
            TransactionReceipt[] receipts = await SendBehindTheGateAsync(sender, gate, 100);

            IReadOnlyList<ulong[]> sends = requests.NoncesPerRequest;
            int rest = sends.ToList().FindIndex(r => r.Length == 99);
            Assert.True(rest >= 0, "no request carried the batch without its first transaction");
            Assert.Equal(Enumerable.Range(2, 99).Select(i => (ulong)i), sends[rest]); // nonce 0 was the gated send
            Assert.Equal([1UL], sends[rest + 1]); // the release: the batch's first nonce, alone, afterwards
            Assert.Single(receipts.Select(r => r.BlockNumber).Distinct());
            Assert.Equal(100, await BalanceAsync(gate.Recipient));
        }
    }

    [Fact]
    public async Task In_nonce_order_a_batch_goes_out_as_one_request_and_lands()
    {
        (RecordingHandler requests, TransactionSender sender, GatedSigner gate) = await GatedSenderAsync(BatchRelease.InNonceOrder);
        using (sender)
        {
            TransactionReceipt[] receipts = await SendBehindTheGateAsync(sender, gate, 100);

            Assert.Contains(requests.NoncesPerRequest, r => r.SequenceEqual(Enumerable.Range(1, 100).Select(i => (ulong)i)));
            Assert.All(receipts, r => Assert.True(r.Succeeded));
            Assert.Equal(100, await BalanceAsync(gate.Recipient));
        }
    }

    [Fact]
    public void An_undefined_batch_release_is_a_configuration_error()
    {
        TransactionSenderOptions options = Options();
        options.BatchRelease = (BatchRelease)7;

        var error = Assert.Throws<ConfigurationException>(() => new TransactionSender(Rpc, new EthereumSigner(PrivateKey.Generate()), options));

        Assert.Contains("BatchRelease", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonce_used_by_another_client_is_recovered_from()
    {
        var key = PrivateKey.Generate();
        await FundAsync(key.Address);
        using var first = new TransactionSender(Rpc, new EthereumSigner(key), Options());
        using var second = new TransactionSender(Rpc, new EthereumSigner(key), Options());
        Address recipient = PrivateKey.Generate().Address;
        await first.SendAndWaitAsync(Transfer(recipient, 1), Cancel); // first now expects nonce 1

        await second.SendAndWaitAsync(Transfer(recipient, 1), Cancel); // second takes nonce 1
        TransactionReceipt recovered = await first.SendAndWaitAsync(Transfer(recipient, 1), Cancel);

        Assert.Equal(2UL, await NonceOf(recovered.TransactionHash));
        Assert.Equal(3, await BalanceAsync(recipient));
    }

    [Fact]
    public async Task A_transaction_the_node_drops_is_sent_again_under_a_fresh_nonce()
    {
        using TransactionSender sender = await FundedSenderAsync(TimeSpan.FromMilliseconds(300));
        Address recipient = PrivateKey.Generate().Address;
        await Rpc.CallAsync("evm_setAutomine", [false], Cancel);
        try
        {
            Task<TransactionReceipt> waiting = sender.SendAndWaitAsync(Transfer(recipient, 7), Cancel);
            while (Quantity(await Rpc.CallAsync("eth_getTransactionCount", [sender.Address.ToLowerHex(), "pending"], Cancel)) == 0)
            {
                await Task.Delay(10, Cancel);
            }

            await Rpc.CallAsync("anvil_dropAllTransactions", [], Cancel);
            await Rpc.CallAsync("evm_setAutomine", [true], Cancel);
            TransactionReceipt receipt = await waiting;

            Assert.True(receipt.Succeeded);
            Assert.Equal(0UL, await NonceOf(receipt.TransactionHash));
            Assert.Equal(7, await BalanceAsync(recipient)); // sent once, not twice
        }
        finally
        {
            await Rpc.CallAsync("evm_setAutomine", [true], CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_stalled_transaction_is_replaced_with_raised_fees_and_its_waiter_gets_the_replacements_receipt()
    {
        var key = PrivateKey.Generate();
        await FundAsync(key.Address);
        TransactionSenderOptions options = Options();
        options.StallTimeout = TimeSpan.FromMilliseconds(200);
        using var sender = new TransactionSender(Rpc, new EthereumSigner(key), options);
        Address recipient = PrivateKey.Generate().Address;
        await Rpc.CallAsync("evm_setAutomine", [false], Cancel);
        try
        {
            Hash32 original = await sender.SendAsync(Transfer(recipient, 5), Cancel);
            Task<TransactionReceipt> waiting = sender.WaitForReceiptAsync(original, Cancel);
            while ((await Rpc.CallAsync("eth_getTransactionByHash", [original.ToString()], Cancel)).ValueKind != JsonValueKind.Null)
            {
                await Task.Delay(20, Cancel); // until the replacement has pushed the original out of the pool
            }

            await Rpc.CallAsync("evm_mine", [], Cancel);
            TransactionReceipt receipt = await waiting;
            JsonElement mined = await Rpc.CallAsync("eth_getTransactionByHash", [receipt.TransactionHash.ToString()], Cancel);

            Assert.True(receipt.Succeeded);
            Assert.NotEqual(original, receipt.TransactionHash);
            Assert.Equal(0UL, Quantity(mined.GetProperty("nonce")));
            Assert.True(HexQuantity.Parse(mined.GetProperty("maxFeePerGas")) > Gwei.Value * 20);
            Assert.Equal(5, await BalanceAsync(recipient)); // paid once
        }
        finally
        {
            await Rpc.CallAsync("evm_setAutomine", [true], CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_signer_that_fails_fails_its_send_without_using_a_nonce_and_the_sender_keeps_working()
    {
        var key = PrivateKey.Generate();
        await FundAsync(key.Address);
        using var sender = new TransactionSender(Rpc, new FailingOnceSigner(new EthereumSigner(key)), Options());
        Address recipient = PrivateKey.Generate().Address;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Transfer(recipient, 1), Cancel));
        TransactionReceipt next = await sender.SendAndWaitAsync(Transfer(recipient, 2), Cancel);

        Assert.Equal("the hardware wallet was unplugged", error.Message);
        Assert.Equal(0UL, await NonceOf(next.TransactionHash));
        Assert.Equal(2, await BalanceAsync(recipient));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_another_waiting_for_the_same_receipt()
    {
        using TransactionSender sender = await FundedSenderAsync();
        await Rpc.CallAsync("evm_setAutomine", [false], Cancel);
        try
        {
            Hash32 hash = await sender.SendAsync(Transfer(PrivateKey.Generate().Address, 1), Cancel);
            using var giveUp = new CancellationTokenSource();
            Task<TransactionReceipt> impatient = sender.WaitForReceiptAsync(hash, giveUp.Token);
            Task<TransactionReceipt> patient = sender.WaitForReceiptAsync(hash, Cancel);

            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
            await Rpc.CallAsync("evm_mine", [], Cancel);

            Assert.Equal(hash, (await patient).TransactionHash);
        }
        finally
        {
            await Rpc.CallAsync("evm_setAutomine", [true], CancellationToken.None);
        }
    }

    [Fact]
    public async Task Waiting_for_a_receipt_that_never_comes_times_out()
    {
        using TransactionSender sender = await FundedSenderAsync(TimeSpan.FromMilliseconds(200));
        Hash32 unknown = Keccak256.Hash([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ReceiptTimeoutException>(() => sender.WaitForReceiptAsync(unknown, Cancel));

        Assert.Equal(unknown, error.TransactionHash);
    }

    private static EthereumTransaction Transfer(Address to, BigInteger value) => new()
    {
        GasLimit = 21_000, To = to, Value = new UInt256(value), MaxPriorityFeePerGas = Gwei, MaxFeePerGas = new UInt256(Gwei.Value * 20),
    };

    // The first send holds the pump at its signature, so the next ones queue up and go out as one batch.
    private static async Task<TransactionReceipt[]> SendBehindTheGateAsync(TransactionSender sender, GatedSigner gate, int count)
    {
        Task<TransactionReceipt> first = sender.SendAndWaitAsync(Transfer(gate.Recipient, 0), Cancel);
        await gate.Entered.WaitAsync(Cancel);
        Task<TransactionReceipt>[] batch = [.. Enumerable.Range(0, count).Select(_ => sender.SendAndWaitAsync(Transfer(gate.Recipient, 1), Cancel))];
        gate.Open();
        await first;
        return await Task.WhenAll(batch);
    }

    private async Task<(RecordingHandler Requests, TransactionSender Sender, GatedSigner Gate)> GatedSenderAsync(BatchRelease release)
    {
        var key = PrivateKey.Generate();
        await FundAsync(key.Address);
        var requests = new RecordingHandler();
        var rpc = new JsonRpcClient(new HttpClient(requests), new JsonRpcOptions { Endpoint = anvil.Endpoint });
        TransactionSenderOptions options = Options();
        options.BatchRelease = release;
        var gate = new GatedSigner(new EthereumSigner(key));
        return (requests, new TransactionSender(rpc, gate, options), gate);
    }

    private static TransactionSenderOptions Options(TimeSpan? receiptTimeout = null) => new()
    {
        ChainId = AnvilNode.ChainId, ReceiptTimeout = receiptTimeout ?? TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(5),
        StallTimeout = TimeSpan.FromSeconds(2), // anvil mines at once: an account still for 2 s is stalled (see StallMonitor)
    };

    private async Task<TransactionSender> FundedSenderAsync(TimeSpan? receiptTimeout = null)
    {
        var key = PrivateKey.Generate();
        await FundAsync(key.Address);
        return new TransactionSender(Rpc, new EthereumSigner(key), Options(receiptTimeout));
    }

    // anvil_setBalance funds an account without a transaction, so no dev-account nonce is shared between tests.
    private async Task FundAsync(Address account) =>
        await Rpc.CallAsync("anvil_setBalance", [account.ToLowerHex(), "0x56bc75e2d63100000"], Cancel); // 100 ETH

    private async Task<ulong> NonceOf(Hash32 hash) =>
        Quantity(((JsonElement)await Rpc.CallAsync("eth_getTransactionByHash", [hash.ToString()], Cancel)).GetProperty("nonce"));

    private async Task<BigInteger> BalanceAsync(Address account) =>
        Quantity(await Rpc.CallAsync("eth_getBalance", [account.ToLowerHex(), "latest"], Cancel));

    private static ulong Quantity(JsonElement hex) => (ulong)HexQuantity.Parse(hex);

    // Holds the first signature until opened.
    private sealed class GatedSigner(ISigner inner) : ISigner
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Address Recipient { get; } = PrivateKey.Generate().Address;

        public Task Entered => _entered.Task;

        public Address Address => inner.Address;

        public void Open() => _open.TrySetResult();

        public async ValueTask<RecoverableSignature> SignAsync(Hash32 digest, CancellationToken cancellationToken = default)
        {
            _entered.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return await inner.SignAsync(digest, cancellationToken);
        }
    }

    // Records, per HTTP request to the node, the nonces of the raw transactions it carries.
    private sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        private readonly List<ulong[]> _sends = [];

        public IReadOnlyList<ulong[]> NoncesPerRequest
        {
            get
            {
                lock (_sends)
                {
                    return [.. _sends];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            ulong[] nonces = [.. body.RootElement.EnumerateArray()
                .Where(call => call.GetProperty("method").GetString() == "eth_sendRawTransaction")
                .Select(call => NonceOfRaw(Hex.Decode(call.GetProperty("params")[0].GetString()!)))];
            if (nonces.Length > 0)
            {
                lock (_sends)
                {
                    _sends.Add(nonces);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }

        // An EIP-1559 transaction is 0x02 ‖ rlp([chainId, nonce, …]).
        private static ulong NonceOfRaw(byte[] raw) =>
            (ulong)new BigInteger(Rlp.Decode(raw.AsSpan(1)).Items![1].Bytes, isUnsigned: true, isBigEndian: true);
    }

    private sealed class FailingOnceSigner(ISigner inner) : ISigner
    {
        private int _calls;

        public Address Address => inner.Address;

        public ValueTask<RecoverableSignature> SignAsync(Hash32 digest, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("the hardware wallet was unplugged")
                : inner.SignAsync(digest, cancellationToken);
    }
}
