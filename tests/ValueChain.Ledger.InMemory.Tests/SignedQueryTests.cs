using System.Text.Json;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>
/// Reads that depend on who asks are signed: the chaincode sees the address recovered from the query's
/// signature, and a signature that is stale, for another network, over another query, or by a
/// non-member is refused with a typed error before the chaincode runs.
/// </summary>
public sealed class SignedQueryTests : IAsyncDisposable
{
    private static readonly ContractInvocation WhoAsks = new(ConformanceChaincode.ChaincodeName, "whoami", "{}");

    private readonly CountingChaincode _chaincode = new(new ConformanceChaincode());
    private readonly ManualLedgerClock _clock = new(TestLedgers.Start);
    private readonly InMemoryLedger _ledger;
    private readonly EthereumSigner _member = TestLedgers.Members[1];

    public SignedQueryTests() => _ledger = InMemoryLedger.Open(TestLedgers.Options(o => o.Clock = _clock), [_chaincode]);

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    private Task<SignedQuery> SignAsync(ISigner signer, ContractInvocation? invocation = null, string? network = null, DateTimeOffset? at = null) =>
        SignedQuery.SignAsync(new LedgerQuery(network ?? _ledger.NetworkId, signer.Address, invocation ?? WhoAsks, at ?? _clock.GetUtcNow()), signer);

    private async Task AssertRefusedAsync(SignedQuery query, string code)
    {
        int executed = _chaincode.Invocations;
        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => _ledger.EvaluateSignedAsync(query));
        Assert.Equal(code, error.Code);
        Assert.Equal(executed, _chaincode.Invocations);
    }

    [Fact]
    public async Task The_chaincode_sees_the_signer_of_the_query_as_caller()
    {
        Assert.Equal(_member.Address.ToString(), JsonSerializer.Deserialize<string>((await _ledger.EvaluateAsync(_member, WhoAsks))!));
        Assert.Equal(_member.Address.ToString(), JsonSerializer.Deserialize<string>((await _ledger.EvaluateSignedAsync(await SignAsync(_member)))!));
    }

    [Fact]
    public async Task An_anonymous_query_has_no_caller()
    {
        Assert.Equal(Address.Zero.ToString(), JsonSerializer.Deserialize<string>((await _ledger.EvaluateAsync(null, WhoAsks))!));
    }

    [Fact]
    public async Task A_signature_over_other_arguments_is_refused()
    {
        SignedQuery signed = await SignAsync(_member, WhoAsks with { ArgumentsJson = """{"key":"a"}""" });
        var swapped = new SignedQuery(new LedgerQuery(_ledger.NetworkId, _member.Address, WhoAsks with { ArgumentsJson = """{"key":"b"}""" }, signed.Query.Timestamp), signed.Signature);

        await AssertRefusedAsync(swapped, ErrorCodes.BadQuerySignature);
    }

    [Theory]
    [InlineData("chaincode")]
    [InlineData("function")]
    [InlineData("time")]
    public async Task A_signature_over_another_call_or_time_is_refused(string changed)
    {
        SignedQuery signed = await SignAsync(_member);
        LedgerQuery q = signed.Query;
        LedgerQuery other = changed switch
        {
            "chaincode" => new LedgerQuery(q.NetworkId, q.Reader, q.Invocation with { Chaincode = "other" }, q.Timestamp),
            "function" => new LedgerQuery(q.NetworkId, q.Reader, q.Invocation with { Function = "get" }, q.Timestamp),
            _ => new LedgerQuery(q.NetworkId, q.Reader, q.Invocation, q.Timestamp.AddSeconds(1)),
        };

        await AssertRefusedAsync(new SignedQuery(other, signed.Signature), ErrorCodes.BadQuerySignature);
    }

    [Fact]
    public async Task A_query_that_claims_another_reader_is_refused()
    {
        // The impostor signs with its own key but names the member as reader.
        EthereumSigner impostor = TestLedgers.Members[2];
        var claimed = new LedgerQuery(_ledger.NetworkId, _member.Address, WhoAsks, _clock.GetUtcNow());

        await AssertRefusedAsync(new SignedQuery(claimed, impostor.Sign(claimed.Hash)), ErrorCodes.BadQuerySignature);
    }

    // The ledger keeps a reader's key after its first good query and checks later ones against it: that check must
    // refuse everything recovery refused (another signer, another query, the high-s twin of a good signature).
    [Fact]
    public async Task Once_the_readers_key_is_known_forged_and_malleated_signatures_are_still_refused()
    {
        Assert.NotNull(await _ledger.EvaluateSignedAsync(await SignAsync(_member)));
        SignedQuery good = await SignAsync(_member, WhoAsks with { ArgumentsJson = """{"key":"a"}""" });
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        byte[] highS = (n - new System.Numerics.BigInteger(good.Signature.S.ToArray(), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var twin = good.Signature with { S = new Hash32([.. new byte[32 - highS.Length], .. highS]), V = (byte)(good.Signature.V ^ 1) };

        await AssertRefusedAsync(new SignedQuery(good.Query, twin), ErrorCodes.BadQuerySignature);
        await AssertRefusedAsync(new SignedQuery(good.Query, TestLedgers.Members[2].Sign(good.Query.Hash)), ErrorCodes.BadQuerySignature);
        await AssertRefusedAsync(new SignedQuery(good.Query, good.Signature with { V = (byte)(good.Signature.V ^ 1) }), ErrorCodes.BadQuerySignature);
        var other = new LedgerQuery(_ledger.NetworkId, _member.Address, WhoAsks with { ArgumentsJson = """{"key":"b"}""" }, good.Query.Timestamp);
        await AssertRefusedAsync(new SignedQuery(other, good.Signature), ErrorCodes.BadQuerySignature);
        Assert.NotNull(await _ledger.EvaluateSignedAsync(good));
    }

    [Fact]
    public async Task A_query_for_another_network_is_refused()
    {
        await AssertRefusedAsync(await SignAsync(_member, network: "another-network"), ErrorCodes.WrongNetwork);
    }

    [Fact]
    public async Task A_stale_query_is_refused_and_one_just_inside_the_window_runs()
    {
        SignedQuery signed = await SignAsync(_member);
        _clock.Advance(new InMemoryLedgerOptions().QueryValidity);
        Assert.NotNull(await _ledger.EvaluateSignedAsync(signed));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await AssertRefusedAsync(signed, ErrorCodes.StaleQuery);
    }

    [Fact]
    public async Task A_query_from_the_future_is_refused()
    {
        await AssertRefusedAsync(await SignAsync(_member, at: _clock.GetUtcNow() + TimeSpan.FromMinutes(3)), ErrorCodes.StaleQuery);
    }

    [Fact]
    public async Task A_permissioned_ledger_refuses_a_query_signed_by_a_non_member()
    {
        await AssertRefusedAsync(await SignAsync(TestLedgers.Signer("stranger")), ErrorCodes.UnknownSender);
    }

    [Fact]
    public async Task A_query_signature_is_not_a_transaction_signature()
    {
        // The domain tags differ: a signed query replayed as a transaction signature does not verify.
        SignedQuery query = await SignAsync(_member);
        var transaction = new LedgerTransaction(_ledger.NetworkId, _member.Address, 0, WhoAsks);
        Assert.NotEqual(query.Query.Hash, transaction.Hash);
        Assert.False(new SignedTransaction(transaction, query.Signature).HasValidSignature());
    }

    [Fact]
    public void Query_validity_must_be_positive()
    {
        var error = Assert.Throws<ConfigurationException>(() => InMemoryLedger.Open(TestLedgers.Options(o => o.QueryValidity = TimeSpan.Zero), []));
        Assert.Contains("QueryValidity", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Counts how often the ledger runs the chaincode, to show that a refused query runs nothing.</summary>
    private sealed class CountingChaincode(IChaincode inner) : IChaincode
    {
        private int _invocations;

        public int Invocations => Volatile.Read(ref _invocations);

        public string Name => inner.Name;

        public IReadOnlySet<string> Functions => inner.Functions;

        public ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _invocations);
            return inner.InvokeAsync(context, functionName, argumentsJson, cancellationToken);
        }
    }
}
