using System.Numerics;
using System.Text;
using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;
using static ValueChain.Ledger.Ethereum.Tests.Contracts.BindingsProbe;

namespace ValueChain.Ledger.Ethereum.Tests;

// The test contract called through its generated binding against anvil: structs, arrays, bytes,
// strings, signed integers and events (indexed, hashed, anonymous).
public sealed class BindingsTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_struct_is_stored_read_back_and_its_event_decoded_from_the_receipt()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client, 41);
        var item = new Item(7, "Bremsscheibe ⌀ 330 mm", [0x00, 0xff, 0x10], client.Account!.Value);

        TransactionReceipt receipt = await probe.StoreAsync(item, Cancel);
        Item stored = await probe.GetAsync(7, Cancel);
        ItemStoredEvent storedEvent = Assert.Single(ItemStoredEvent.FromReceipt(receipt, probe.Address));

        Assert.Equal((item.Id, item.Label, item.Owner), (stored.Id, stored.Label, stored.Owner));
        Assert.Equal(item.Payload, stored.Payload);
        Assert.Equal((7UL, item.Owner, item.Label), (storedEvent.Id, storedEvent.Owner, storedEvent.Label));
        Assert.Equal(item.Payload, storedEvent.Payload);
        Assert.Equal(receipt.TransactionHash, storedEvent.Log!.TransactionHash);
        Assert.Equal([7UL], await probe.IdsAsync(Cancel));
        Assert.Equal(new UInt256(41), await probe.CounterAsync(Cancel));
    }

    [Fact]
    public async Task A_nested_struct_with_a_struct_array_and_a_fixed_array_round_trips_through_call_send_and_event()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        Address owner = PrivateKey.Generate().Address;
        var batch = new Batch(
            Keccak256.Hash("lot 2026-11"u8),
            [new Item(1, "a", [], owner), new Item(2, "", [1, 2, 3], owner), new Item(3, new string('x', 100), new byte[70], owner)],
            [1, 2, ushort.MaxValue]);

        UInt256 simulated = await probe.CallStoreBatchAsync(batch, Cancel);
        TransactionReceipt receipt = await probe.StoreBatchAsync(batch, Cancel);
        BatchStoredEvent stored = Assert.Single(BatchStoredEvent.FromReceipt(receipt, probe.Address));

        Assert.Equal(new UInt256(3), simulated);
        Assert.Equal(batch.Key, stored.Key);
        Assert.Equal(new UInt256(3), stored.Count);
        Assert.Equal(batch.Items.Select(i => (i.Id, i.Label, Hex.Encode(i.Payload), i.Owner)), stored.Items.Select(i => (i.Id, i.Label, Hex.Encode(i.Payload), i.Owner)));
        Assert.Equal([1UL, 2UL, 3UL], await probe.IdsAsync(Cancel));
        Assert.Equal(new string('x', 100), (await probe.GetAsync(3, Cancel)).Label);
    }

    [Fact]
    public async Task Strings_bytes_signed_integers_fixed_bytes_and_arrays_come_back_unchanged_from_the_node()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        Address[] pair = [PrivateKey.Generate().Address, PrivateKey.Generate().Address];
        BigInteger signed = -(BigInteger.One << 127);

        EchoOutput echo = await probe.EchoAsync("Grüße, 車両 🚗", [0xde, 0xad, 0xbe, 0xef, 0x00], signed, true, [1, 2, 3, 4], [0, 1, 255], pair, Cancel);

        Assert.Equal("Grüße, 車両 🚗", echo.Item1);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef, 0x00], echo.Item2);
        Assert.Equal(signed, echo.Item3);
        Assert.True(echo.Item4);
        Assert.Equal([1, 2, 3, 4], echo.Item5);
        Assert.Equal([0, 1, 255], echo.Item6);
        Assert.Equal(pair, echo.Item7);
    }

    [Fact]
    public async Task Out_of_range_arguments_are_refused_before_anything_is_sent()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        ulong nonceBefore = await ProbeSetup.MinedNonceAsync(client);

        var error = await Assert.ThrowsAsync<ValueChainFormatException>(() =>
            probe.EchoAsync("", [], BigInteger.One << 127, false, [1, 2, 3], [], [default, default], Cancel));
        var wrongSize = await Assert.ThrowsAsync<ValueChainFormatException>(() =>
            probe.StoreBatchAsync(new Batch(default, [], [1, 2]), Cancel));

        Assert.Contains("int128", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 items", wrongSize.Message, StringComparison.Ordinal);
        Assert.Equal(nonceBefore, await ProbeSetup.MinedNonceAsync(client));
    }

    [Fact]
    public async Task An_anonymous_event_with_an_indexed_string_decodes_with_the_hash_of_the_string()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);

        TransactionReceipt receipt = await probe.TagAsync("recall-42", -5, true, Cancel);
        TaggedEvent tagged = Assert.Single(TaggedEvent.FromReceipt(receipt, probe.Address));

        Assert.True(TaggedEvent.Abi.Anonymous);
        Assert.Equal(Keccak256.Hash(Encoding.UTF8.GetBytes("recall-42")), tagged.Tag);
        Assert.Equal((-5, true), (tagged.Delta, tagged.Flag));
        Assert.Empty(ItemStoredEvent.FromReceipt(receipt, probe.Address));
    }

    [Fact]
    public async Task Events_are_queried_in_pages_and_filtered_by_indexed_fields()
    {
        EthereumClientOptions options = AnvilClients.Options();
        options.LogPageBlocks = 2;
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http, options);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        ulong from = await client.GetBlockNumberAsync(Cancel);
        Address alice = PrivateKey.Generate().Address;
        Address bob = PrivateKey.Generate().Address;
        for (ulong id = 1; id <= 5; id++)
        {
            await probe.StoreAsync(new Item(id, $"part {id}", [], id % 2 == 0 ? bob : alice), Cancel);
        }

        ulong to = await client.GetBlockNumberAsync(Cancel);
        List<ItemStoredEvent> all = await probe.GetItemStoredEventsAsync(from, to, cancellationToken: Cancel).ToListAsync(Cancel);
        List<ItemStoredEvent> bobs = await probe.GetItemStoredEventsAsync(from, to, owner: bob, cancellationToken: Cancel).ToListAsync(Cancel);
        List<ItemStoredEvent> third = await probe.GetItemStoredEventsAsync(from, to, id: 3, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.True(to - from >= 5, "each store is mined in its own block, so the range spans several pages");
        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], all.Select(e => e.Id));
        Assert.Equal([2UL, 4UL], bobs.Select(e => e.Id));
        Assert.Equal("part 3", Assert.Single(third).Label);
    }

    [Fact]
    public async Task A_subscription_delivers_an_event_only_once_its_block_has_the_configured_confirmations()
    {
        EthereumClientOptions options = AnvilClients.Options();
        options.Confirmations = 2;
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http, options);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        ulong from = await client.GetBlockNumberAsync(Cancel) + 1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        stop.CancelAfter(TimeSpan.FromSeconds(60));
        await using IAsyncEnumerator<ItemStoredEvent> watch = probe.WatchItemStoredEventsAsync(from, cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);

        TransactionReceipt receipt = await probe.StoreAsync(new Item(9, "watched", [], client.Account!.Value), Cancel);
        ValueTask<bool> next = watch.MoveNextAsync();
        await client.Rpc.CallAsync("anvil_mine", ["0x2"], Cancel);

        Assert.True(await next);
        Assert.Equal((9UL, receipt.BlockNumber), (watch.Current.Id, watch.Current.Log!.BlockNumber));
        Assert.True(await client.GetBlockNumberAsync(Cancel) >= receipt.BlockNumber + 2);
    }

    [Fact]
    public async Task Transactions_are_eip1559_with_the_suggested_fees_and_the_gas_estimate_carries_the_margin()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);

        FeeSuggestion fees = await client.SuggestFeesAsync(Cancel);
        ulong estimate = await probe.EstimateIncrementAsync(Cancel);
        JsonElement raw = await client.Rpc.CallAsync("eth_estimateGas", [new Dictionary<string, object?> { ["from"] = client.Account!.Value.ToLowerHex(), ["to"] = probe.Address.ToLowerHex(), ["data"] = Hex.Encode(EncodeIncrementCall()) }], Cancel);
        TransactionReceipt receipt = await probe.IncrementAsync(Cancel);
        JsonElement sent = await client.Rpc.CallAsync("eth_getTransactionByHash", [receipt.TransactionHash.ToString()], Cancel);

        Assert.True(fees.IsEip1559);
        Assert.True(fees.BaseFee!.Value.Value > 0);
        Assert.Equal(fees.BaseFee.Value.Value * 2 + fees.MaxPriorityFeePerGas.Value, fees.MaxFeePerGas.Value);
        ulong nodeEstimate = (ulong)HexQuantity.Parse(raw);
        Assert.Equal(nodeEstimate + nodeEstimate / 5, estimate);
        Assert.Equal("0x2", sent.GetProperty("type").GetString());
        Assert.Equal(estimate, (ulong)HexQuantity.Parse(sent.GetProperty("gas")));
        Assert.Equal(fees.MaxFeePerGas.Value, HexQuantity.Parse(sent.GetProperty("maxFeePerGas")));
        Assert.Equal(new UInt256(1), await probe.CounterAsync(Cancel));
    }

    [Fact]
    public async Task A_payable_function_carries_its_value()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);

        UInt256 simulated = await probe.CallDepositAsync(new UInt256(500), Cancel);
        await probe.DepositAsync(new UInt256(12345), Cancel);

        Assert.Equal(new UInt256(500), simulated); // deposit() returns the balance including the value sent
        Assert.Equal(new UInt256(12345), await client.GetBalanceAsync(probe.Address, Cancel));
    }

}
