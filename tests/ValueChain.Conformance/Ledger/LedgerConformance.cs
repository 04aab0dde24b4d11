using System.Text.Json;
using System.Text.Json.Nodes;
using ValueChain.Ledger;
using Xunit;

namespace ValueChain.Conformance.Ledger;

/// <summary>
/// The ledger-level scenarios every driver that runs C# chaincodes must pass, written against the
/// ports only. A driver's test project subclasses it and implements <see cref="StartLedgerAsync"/>.
/// </summary>
public abstract class LedgerConformance
{
    private const string Chaincode = ConformanceChaincode.ChaincodeName;

    /// <summary>Starts a fresh ledger with <see cref="ConformanceChaincode"/> deployed.</summary>
    protected abstract Task<LedgerUnderTest> StartLedgerAsync();

    private static ContractInvocation Call(string function, object arguments) =>
        new(Chaincode, function, JsonSerializer.Serialize(arguments));

    private static async Task<string?> GetAsync(IContractGateway gateway, string key) =>
        JsonSerializer.Deserialize<string?>((await gateway.EvaluateAsync(null, Call("get", new { key })))!);

    [Fact]
    public async Task A_submitted_write_is_committed_with_a_receipt_and_read_back()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key = "a", value = "1" }));

        Assert.Equal(TransactionStatus.Succeeded, receipt.Status);
        Assert.True(receipt.BlockNumber > 0);
        Assert.False(receipt.TransactionId.Hash.IsZero);
        Assert.Equal("1", await GetAsync(ledger.Gateway, "a"));
        Assert.Null(await GetAsync(ledger.Gateway, "b"));
    }

    [Fact]
    public async Task A_failing_invocation_changes_nothing_and_is_recorded_as_failed_with_its_code()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key = "k", value = "before" }));

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("fail", new { key = "k", code = "my_rule" }));

        Assert.Equal(TransactionStatus.Failed, receipt.Status);
        Assert.Equal("my_rule", receipt.ErrorCode);
        Assert.Empty(receipt.Events);
        Assert.Equal("before", await GetAsync(ledger.Gateway, "k"));
        Assert.Equal("my_rule", Assert.Throws<ChaincodeException>(() => receipt.EnsureSucceeded()).Code);
        Assert.DoesNotContain(await ledger.Gateway.GetEventsAsync(Chaincode, 0, long.MaxValue), e => e.Name == "BeforeFailure");
    }

    [Fact]
    public async Task Every_typed_sdk_error_keeps_its_code()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("fail", new { key = "k", code = "x", family = "format" }));

        Assert.Equal(TransactionStatus.Failed, receipt.Status);
        Assert.Equal(ErrorCodes.InvalidFormat, receipt.ErrorCode);
        Assert.Null(await GetAsync(ledger.Gateway, "k"));
    }

    [Fact]
    public async Task A_chaincode_bug_is_recorded_as_failed_and_changes_nothing()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("crash", new { key = "k" }));

        Assert.Equal(TransactionStatus.Failed, receipt.Status);
        Assert.Equal(ErrorCodes.ChaincodeFailed, receipt.ErrorCode);
        Assert.Contains("a chaincode bug", receipt.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await GetAsync(ledger.Gateway, "k"));
    }

    [Fact]
    public async Task Unknown_chaincode_or_function_is_refused_with_its_code()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        var noChaincode = await Assert.ThrowsAsync<TransactionRejectedException>(() =>
            ledger.Gateway.SubmitAsync(ledger.Members[0], new ContractInvocation("nope", "put", "{}")));
        var noFunction = await Assert.ThrowsAsync<TransactionRejectedException>(() =>
            ledger.Gateway.SubmitAsync(ledger.Members[0], new ContractInvocation(Chaincode, "nope", "{}")));

        Assert.Equal(ErrorCodes.UnknownChaincode, noChaincode.Code);
        Assert.Equal(ErrorCodes.UnknownFunction, noFunction.Code);

        // The refused transactions used no nonce: the next submission goes through.
        Assert.True((await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key = "a", value = "1" }))).Succeeded);
    }

    [Fact]
    public async Task Reads_inside_a_transaction_see_its_own_writes_and_deletes()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        foreach (string key in new[] { "r/1", "r/3", "r/5", "s/1" })
        {
            await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key, value = key }));
        }

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[0],
            Call("putThenRange", new { key = "r/2", value = "new", deleteKey = "r/3", start = "r/", end = "r0" }));

        Assert.Equal("""[["r/1","r/1"],["r/2","new"],["r/5","r/5"]]""", receipt.ResultJson);
    }

    [Fact]
    public async Task Range_reads_are_ordered_and_bounded()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        foreach (string key in new[] { "b", "a", "c", "ab", "d" })
        {
            await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key, value = key.ToUpperInvariant() }));
        }

        string? bounded = await ledger.Gateway.EvaluateAsync(null, Call("range", new { start = "a", end = "c" }));
        string? open = await ledger.Gateway.EvaluateAsync(null, Call("range", new { start = "b", end = "" }));

        Assert.Equal("""[["a","A"],["ab","AB"],["b","B"]]""", bounded);
        Assert.Equal("""[["b","B"],["c","C"],["d","D"]]""", open);
    }

    [Fact]
    public async Task Key_history_lists_every_version_with_its_transaction()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        ISigner member = ledger.Members[0];
        TxId first = (await ledger.Gateway.SubmitAsync(member, Call("put", new { key = "h", value = "v1" }))).TransactionId;
        TxId second = (await ledger.Gateway.SubmitAsync(member, Call("put", new { key = "h", value = "v2" }))).TransactionId;
        await ledger.Gateway.SubmitAsync(member, Call("fail", new { key = "h", code = "x" }));
        TxId third = (await ledger.Gateway.SubmitAsync(member, Call("delete", new { key = "h" }))).TransactionId;

        JsonArray history = JsonNode.Parse((await ledger.Gateway.EvaluateAsync(null, Call("history", new { key = "h" })))!)!.AsArray();

        Assert.Equal(3, history.Count);
        Assert.Equal([first.ToString(), second.ToString(), third.ToString()], history.Select(v => v!["tx"]!.GetValue<string>()));
        Assert.Equal("v1", history[0]!["value"]!.GetValue<string>());
        Assert.Equal("v2", history[1]!["value"]!.GetValue<string>());
        Assert.True(history[2]!["delete"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Events_are_in_the_receipt_by_block_range_and_live()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IAsyncEnumerator<LedgerEvent> live = ledger.Gateway.WatchEventsAsync(Chaincode, 0, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Task<bool> firstLive = live.MoveNextAsync().AsTask();

        TransactionReceipt one = await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("emit", new { name = "Ping", payload = new { n = 1 } }));
        TransactionReceipt two = await ledger.Gateway.SubmitAsync(ledger.Members[1], Call("emit", new { name = "Pong", payload = new { n = 2 } }));

        LedgerEvent inReceipt = Assert.Single(one.Events);
        Assert.Equal(("Ping", """{"n":1}""", one.TransactionId, one.BlockNumber), (inReceipt.Name, inReceipt.PayloadJson, inReceipt.TransactionId, inReceipt.BlockNumber));
        IReadOnlyList<LedgerEvent> ranged = await ledger.Gateway.GetEventsAsync(Chaincode, one.BlockNumber, two.BlockNumber);
        Assert.Equal(["Ping", "Pong"], ranged.Select(e => e.Name));
        Assert.Equal(["Pong"], (await ledger.Gateway.GetEventsAsync(Chaincode, two.BlockNumber, two.BlockNumber)).Select(e => e.Name));

        Assert.True(await firstLive);
        Assert.Equal("Ping", live.Current.Name);
        Assert.True(await live.MoveNextAsync());
        Assert.Equal("Pong", live.Current.Name);

        Task<bool> third = live.MoveNextAsync().AsTask();
        await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("emit", new { name = "Later", payload = new { n = 3 } }));
        Assert.True(await third);
        Assert.Equal("Later", live.Current.Name);
        await cancel.CancelAsync();
        await live.DisposeAsync();
    }

    [Fact]
    public async Task The_caller_is_the_signer()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        TransactionReceipt receipt = await ledger.Gateway.SubmitAsync(ledger.Members[1], Call("whoami", new { }));

        Assert.Equal(JsonSerializer.Serialize(ledger.Members[1].Address.ToString()), receipt.ResultJson);
    }

    [Fact]
    public async Task The_caller_of_a_signed_query_is_its_signer()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        foreach (ISigner member in ledger.Members)
        {
            Assert.Equal(JsonSerializer.Serialize(member.Address.ToString()), await ledger.Gateway.EvaluateAsync(member, Call("whoami", new { })));
        }

        // An anonymous query runs as no member.
        string? anonymous = await ledger.Gateway.EvaluateAsync(null, Call("whoami", new { }));
        Assert.DoesNotContain(ledger.Members, m => JsonSerializer.Serialize(m.Address.ToString()) == anonymous);
    }

    [Fact]
    public async Task A_query_cannot_write()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        var error = await Assert.ThrowsAsync<ChaincodeException>(() => ledger.Gateway.EvaluateAsync(null, Call("put", new { key = "q", value = "1" })));

        Assert.Equal(ErrorCodes.ReadOnly, error.Code);
        Assert.Null(await GetAsync(ledger.Gateway, "q"));
    }

    [Fact]
    public async Task One_signer_submitting_concurrently_gets_every_transaction_committed_once()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();

        TransactionReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            ledger.Gateway.SubmitAsync(ledger.Members[0], Call("put", new { key = $"c/{i}", value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))));

        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(40, receipts.Select(r => r.TransactionId).Distinct().Count());
        JsonArray all = JsonNode.Parse((await ledger.Gateway.EvaluateAsync(null, Call("range", new { start = "c/", end = "c0" })))!)!.AsArray();
        Assert.Equal(40, all.Count);
    }

    [Fact]
    public async Task A_failed_transaction_uses_its_nonce_and_later_ones_go_through()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        ISigner member = ledger.Members[2];

        TransactionReceipt failed = await ledger.Gateway.SubmitAsync(member, Call("fail", new { key = "n", code = "x" }));
        TransactionReceipt next = await ledger.Gateway.SubmitAsync(member, Call("put", new { key = "n", value = "ok" }));

        Assert.False(failed.Succeeded);
        Assert.True(next.Succeeded);
        Assert.True(next.BlockNumber > failed.BlockNumber);
        Assert.Equal("ok", await GetAsync(ledger.Gateway, "n"));
    }

    [Fact]
    public async Task Ledger_time_moves_through_the_driver_and_never_goes_back()
    {
        await using LedgerUnderTest ledger = await StartLedgerAsync();
        long Millis(TransactionReceipt r) => JsonSerializer.Deserialize<long>(r.ResultJson!);

        long before = Millis(await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("now", new { })));
        await ledger.Time.AdvanceAsync(TimeSpan.FromHours(6));
        long after = Millis(await ledger.Gateway.SubmitAsync(ledger.Members[0], Call("now", new { })));

        Assert.InRange(after - before, (long)TimeSpan.FromHours(6).TotalMilliseconds, (long)TimeSpan.FromHours(7).TotalMilliseconds);
        Assert.True((await ledger.Time.GetTimeAsync()).ToUnixTimeMilliseconds() >= after);
    }
}
