using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// A node of its own: the tests stop anvil's automine and its clock, which the other classes' tests must not see.
public sealed class SharedReceiptsAndStoppedClockTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly UInt256 Gwei = new(1_000_000_000);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_accounts_of_one_SignerClients_wait_for_their_receipts_in_one_polling_loop()
    {
        var requests = new ReceiptRequests();
        using var http = new HttpClient(requests);
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        using var clients = new SignerClients(rpc, new EthereumClientOptions { ChainId = AnvilNode.ChainId }, new TransactionSenderOptions { ChainId = AnvilNode.ChainId, PollInterval = TimeSpan.FromMilliseconds(5) });
        EthereumSigner[] accounts = [.. Enumerable.Range(0, 12).Select(_ => new EthereumSigner(PrivateKey.Generate()))];
        foreach (EthereumSigner account in accounts)
        {
            await rpc.CallAsync("anvil_setBalance", [account.Address.ToLowerHex(), "0x56bc75e2d63100000"], Cancel);
        }

        // With automine off, every account's transaction waits at once; one loop asks for all of them in one request.
        await rpc.CallAsync("evm_setAutomine", [false], Cancel);
        try
        {
            Task<TransactionReceipt>[] sends = [.. accounts.Select(a => clients.For(a).Sender!.SendAndWaitAsync(Transfer(a.Address), Cancel))];
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
            {
                deadline.CancelAfter(TimeSpan.FromSeconds(20));
                while (requests.MostInOneRequest < accounts.Length)
                {
                    await Task.Delay(10, deadline.Token);
                }
            }

            await rpc.CallAsync("evm_mine", [], Cancel);
            TransactionReceipt[] receipts = await Task.WhenAll(sends);

            Assert.All(receipts, r => Assert.True(r.Succeeded));
            Assert.Single(receipts.Select(r => r.BlockNumber).Distinct());
            Assert.Equal(accounts.Length, requests.MostInOneRequest);
        }
        finally
        {
            await rpc.CallAsync("evm_setAutomine", [true], CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_stopped_clock_moves_only_when_advanced_whatever_the_wall_time()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        DevChainTimeControl time = await DevChainTimeControl.StoppedAsync(rpc, Cancel);
        try
        {
            DateTimeOffset start = await time.GetTimeAsync(Cancel);
            await Task.Delay(TimeSpan.FromSeconds(1.2), Cancel);
            await rpc.CallAsync("evm_mine", [], Cancel);
            Assert.Equal(start, await time.GetTimeAsync(Cancel)); // a block mined later has the same time

            await time.AdvanceAsync(TimeSpan.FromHours(12) + TimeSpan.FromMilliseconds(1), Cancel);
            await rpc.CallAsync("evm_mine", [], Cancel);
            Assert.Equal(start + TimeSpan.FromSeconds((12 * 3600) + 1), await time.GetTimeAsync(Cancel)); // exactly, rounded up to whole seconds
        }
        finally
        {
            await rpc.CallAsync("anvil_removeBlockTimestampInterval", [], CancellationToken.None);
        }
    }

    private static EthereumTransaction Transfer(Address to) => new()
    {
        GasLimit = 21_000, To = to, Value = new UInt256(1), MaxPriorityFeePerGas = Gwei, MaxFeePerGas = new UInt256(Gwei.Value * 20),
    };

    // The most receipts one HTTP request asked for.
    private sealed class ReceiptRequests() : DelegatingHandler(new HttpClientHandler())
    {
        private int _most;

        public int MostInOneRequest => Volatile.Read(ref _most);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            int receipts = body.RootElement.EnumerateArray().Count(call => call.GetProperty("method").GetString() == "eth_getTransactionReceipt");
            int seen;
            while (receipts > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, receipts, seen) != seen)
            {
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
