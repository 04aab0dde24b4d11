using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Every refusal comes with its typed error, records nothing and changes nothing.</summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private readonly InMemoryLedger _ledger = TestLedgers.Open();
    private readonly EthereumSigner _member = TestLedgers.Members[1];

    public async ValueTask InitializeAsync() => await _ledger.SubmitAsync(_member, TestLedgers.Put("k", "original"));

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    private Task<SignedTransaction> SignAsync(ISigner signer, ulong nonce, ContractInvocation? invocation = null, string? network = null) =>
        SignedTransaction.SignAsync(new LedgerTransaction(network ?? _ledger.NetworkId, signer.Address, nonce, invocation ?? TestLedgers.Put("k", "changed")), signer);

    private async Task AssertRefusedAsync(SignedTransaction transaction, string code)
    {
        long height = _ledger.Height;
        Hash32 state = _ledger.Head.StateHash;
        long? committedIn = _ledger.GetTransaction(transaction.Id)?.Block.Number;

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => _ledger.SubmitTransactionAsync(transaction));

        Assert.Equal(code, error.Code);
        Assert.Equal(height, _ledger.Height);
        Assert.Equal(state, _ledger.Head.StateHash);
        Assert.Equal("original", TestLedgers.Get(_ledger, "k"));
        Assert.Equal(committedIn, _ledger.GetTransaction(transaction.Id)?.Block.Number);
    }

    [Fact]
    public async Task Bad_signature_is_refused()
    {
        SignedTransaction genuine = await SignAsync(_member, 1);
        SignedTransaction forged = genuine with { Signature = TestLedgers.Members[2].Sign(genuine.Transaction.Hash) };

        await AssertRefusedAsync(forged, ErrorCodes.BadTransactionSignature);
    }

    [Fact]
    public async Task Malformed_signature_is_refused()
    {
        SignedTransaction genuine = await SignAsync(_member, 1);

        await AssertRefusedAsync(genuine with { Signature = genuine.Signature with { V = 99 } }, ErrorCodes.BadTransactionSignature);
        await AssertRefusedAsync(genuine with { Signature = genuine.Signature with { R = Hash32.Zero } }, ErrorCodes.BadTransactionSignature);
    }

    [Fact]
    public async Task Replayed_nonce_is_refused()
    {
        SignedTransaction transaction = await SignAsync(_member, 1);
        Assert.True((await _ledger.SubmitTransactionAsync(transaction)).Succeeded);
        await _ledger.SubmitAsync(_member, TestLedgers.Put("k", "original"));

        await AssertRefusedAsync(transaction, ErrorCodes.NonceReplayed);
        await AssertRefusedAsync(await SignAsync(_member, 0, TestLedgers.Put("k", "other")), ErrorCodes.NonceReplayed);
    }

    [Fact]
    public async Task Nonce_gap_is_refused()
    {
        await AssertRefusedAsync(await SignAsync(_member, 5), ErrorCodes.NonceGap);
        Assert.Equal(1UL, _ledger.GetNextNonce(_member.Address));
    }

    [Fact]
    public async Task Unknown_sender_is_refused()
    {
        await AssertRefusedAsync(await SignAsync(TestLedgers.Signer("stranger"), 0), ErrorCodes.UnknownSender);
    }

    [Fact]
    public async Task Transaction_for_another_network_is_refused()
    {
        await AssertRefusedAsync(await SignAsync(_member, 1, network: "another-network"), ErrorCodes.WrongNetwork);
    }

    [Fact]
    public async Task Unknown_chaincode_and_function_are_refused()
    {
        await AssertRefusedAsync(await SignAsync(_member, 1, new ContractInvocation("nope", "put", "{}")), ErrorCodes.UnknownChaincode);
        await AssertRefusedAsync(await SignAsync(_member, 1, new ContractInvocation(ConformanceChaincode.ChaincodeName, "nope", "{}")), ErrorCodes.UnknownFunction);
    }

    [Fact]
    public async Task A_throwing_chaincode_leaves_state_as_before_and_its_transaction_is_in_the_block_as_failed()
    {
        Hash32 stateBefore = _ledger.Head.StateHash;

        TransactionReceipt receipt = await _ledger.SubmitAsync(_member, new ContractInvocation(ConformanceChaincode.ChaincodeName, "fail", """{"key":"k","code":"rule_broken"}"""));

        TransactionRecord record = _ledger.GetTransaction(receipt.TransactionId)!;
        Assert.Equal(TransactionStatus.Failed, record.Receipt.Status);
        Assert.Equal("rule_broken", record.Receipt.ErrorCode);
        Assert.Empty(record.Receipt.Writes);
        Assert.Equal(receipt.BlockNumber, record.Block.Number);
        Assert.Equal(stateBefore, _ledger.Head.StateHash);
        Assert.Equal("original", TestLedgers.Get(_ledger, "k"));
        Assert.True((await _ledger.VerifyAsync()).IsValid);
    }
}
