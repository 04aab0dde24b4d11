using ValueChain.Ledger;

namespace ValueChain.Chaincode.Tests;

// The escrow block inside the embedded ledger: lock, release, refund from the deadline, each escrow once.
public sealed class EscrowTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<Address> A = BlocksUnderTest.Actors;
    private EmbeddedBlocks _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = EmbeddedBlocks.Open();
        await _ledger.MintAsync(0, A[2], 1_000);
        await _ledger.ApproveAsync(2, BlocksChaincode.EscrowAccount, 600);
    }

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    [Fact]
    public async Task A_lock_pulls_the_payers_tokens_into_the_escrows_account_through_its_allowance()
    {
        TransactionReceipt receipt = await _ledger.SubmitAsync(2, "lock", new LockArgs("order-1", A[3], 250, EmbeddedBlocks.Start.AddDays(1).ToUnixTimeSeconds()), BlocksJson.Default.LockArgs);

        Assert.True(receipt.Succeeded, receipt.ErrorMessage);
        Assert.Equal(["Transfer", "EscrowLocked"], receipt.Events.Select(e => e.Name));
        EscrowRecord record = (await _ledger.EscrowAsync("order-1"))!;
        Assert.Equal(new EscrowRecord("order-1", A[2], A[3], 250, EmbeddedBlocks.Start.AddDays(1), EscrowStatus.Open, EmbeddedBlocks.Start, null), record);
        Assert.Equal(new UInt256(750), await _ledger.BalanceOfAsync(A[2]));
        Assert.Equal(new UInt256(350), await _ledger.AllowanceAsync(A[2], BlocksChaincode.EscrowAccount));
        Assert.Equal(new EscrowHoldings(250, 250, 1), await _ledger.HoldingsAsync());
    }

    [Fact]
    public async Task A_lock_beyond_the_allowance_or_the_balance_or_of_nothing_is_refused_and_moves_nothing()
    {
        await _ledger.ApproveAsync(3, BlocksChaincode.EscrowAccount, 100);

        Assert.Equal(ErrorCodes.InsufficientAllowance, (await _ledger.LockAsync(2, "o", A[3], 601, TimeSpan.Zero)).Code);
        Assert.Equal(ErrorCodes.InsufficientBalance, (await _ledger.LockAsync(3, "o", A[2], 100, TimeSpan.Zero)).Code);
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.LockAsync(2, "o", A[3], 0, TimeSpan.Zero)).Code);

        Assert.Equal(new EscrowHoldings(0, 0, 0), await _ledger.HoldingsAsync());
        Assert.Null(await _ledger.EscrowAsync("o"));
    }

    [Theory]
    [InlineData(Operation.ZeroHolder)]
    [InlineData(Operation.EscrowHolder)]
    public async Task The_payee_is_neither_the_zero_address_nor_the_escrows_account(int payee)
    {
        Outcome refused = await _ledger.LockAsync(2, "o", Operation.Holder(_ledger, payee), 10, TimeSpan.Zero);

        Assert.Equal(ErrorCodes.InvalidFormat, refused.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("order\u001f1")]
    public async Task A_malformed_id_is_refused(string id)
    {
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.LockAsync(2, id, A[3], 10, TimeSpan.Zero)).Code);
    }

    [Fact]
    public async Task An_id_is_used_once_even_after_its_escrow_closed()
    {
        await _ledger.LockAsync(2, "order-1", A[3], 10, TimeSpan.Zero);

        Assert.Equal(ErrorCodes.Conflict, (await _ledger.LockAsync(2, "order-1", A[3], 10, TimeSpan.Zero)).Code);
        await _ledger.ReleaseAsync(2, "order-1");
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.LockAsync(2, "order-1", A[3], 10, TimeSpan.Zero)).Code);
    }

    [Fact]
    public async Task A_release_pays_the_payee_the_whole_amount_once()
    {
        await _ledger.LockAsync(2, "order-1", A[3], 250, TimeSpan.FromDays(1));

        TransactionReceipt released = await _ledger.SubmitAsync(2, "release", new IdArgs("order-1"), BlocksJson.Default.IdArgs);

        Assert.Equal(["Transfer", "EscrowReleased"], released.Events.Select(e => e.Name));
        Assert.Equal(new UInt256(250), await _ledger.BalanceOfAsync(A[3]));
        Assert.Equal(EscrowStatus.Released, (await _ledger.EscrowAsync("order-1"))!.Status);
        Assert.Equal(EmbeddedBlocks.Start, (await _ledger.EscrowAsync("order-1"))!.ClosedAt);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.ReleaseAsync(2, "order-1")).Code);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.RefundAsync(2, "order-1")).Code);
        Assert.Equal(new EscrowHoldings(0, 0, 0), await _ledger.HoldingsAsync());
    }

    [Fact]
    public async Task A_refund_waits_for_the_deadline_in_ledger_time_and_is_allowed_from_it_on()
    {
        await _ledger.LockAsync(2, "order-1", A[3], 250, TimeSpan.FromHours(2));

        Outcome early = await _ledger.RefundAsync(2, "order-1");
        await _ledger.AdvanceAsync(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Outcome stillEarly = await _ledger.RefundAsync(2, "order-1");
        await _ledger.AdvanceAsync(TimeSpan.FromSeconds(1));
        Outcome onTime = await _ledger.RefundAsync(2, "order-1");

        Assert.Equal(ErrorCodes.DeadlineNotReached, early.Code);
        Assert.Equal(ErrorCodes.DeadlineNotReached, stillEarly.Code);
        Assert.Null(onTime.Code);
        Assert.Equal([new TokenTransfer(BlocksChaincode.EscrowAccount, A[2], 250)], onTime.Transfers);
        Assert.Equal(new UInt256(1_000), await _ledger.BalanceOfAsync(A[2]));
        Assert.Equal(EscrowStatus.Refunded, (await _ledger.EscrowAsync("order-1"))!.Status);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.ReleaseAsync(2, "order-1")).Code);
    }

    [Fact]
    public async Task An_unknown_escrow_is_not_found()
    {
        Assert.Equal(ErrorCodes.NotFound, (await _ledger.ReleaseAsync(2, "nope")).Code);
        Assert.Equal(ErrorCodes.NotFound, (await _ledger.RefundAsync(2, "nope")).Code);
    }

    [Fact]
    public async Task The_chaincode_decides_who_locks_and_settles_an_escrow()
    {
        await _ledger.MintAsync(0, A[4], 10);
        await _ledger.ApproveAsync(4, BlocksChaincode.EscrowAccount, 10);
        await _ledger.LockAsync(2, "order-1", A[3], 10, TimeSpan.Zero);

        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.LockAsync(4, "order-2", A[3], 10, TimeSpan.Zero)).Code); // no member
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.ReleaseAsync(3, "order-1")).Code); // the payee is not the payer
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.RefundAsync(0, "order-1")).Code);
        Assert.Equal(EscrowStatus.Open, await _ledger.StatusAsync("order-1"));
    }

    [Fact]
    public async Task The_open_escrows_are_listed_in_id_order_and_add_up_to_the_held_balance()
    {
        await _ledger.LockAsync(2, "b", A[3], 30, TimeSpan.Zero);
        await _ledger.LockAsync(2, "a", A[1], 20, TimeSpan.Zero);
        await _ledger.LockAsync(2, "c", A[3], 50, TimeSpan.Zero);
        await _ledger.ReleaseAsync(2, "c");

        List<EscrowRecord> open = (await _ledger.QueryAsync("openEscrows", "{}", BlocksJson.Default.ListEscrowRecord))!;

        Assert.Equal(["a", "b"], open.Select(e => e.Id));
        Assert.Equal(new EscrowHoldings(50, 50, 2), await _ledger.HoldingsAsync());
    }

    [Fact]
    public async Task Tokens_sent_to_the_escrows_account_by_a_plain_transfer_show_as_a_surplus()
    {
        await _ledger.LockAsync(2, "a", A[3], 20, TimeSpan.Zero);
        await _ledger.TransferAsync(2, BlocksChaincode.EscrowAccount, 5);

        EscrowHoldings holdings = await _ledger.HoldingsAsync();

        Assert.Equal(new EscrowHoldings(20, 25, 1), holdings);
        Assert.False(holdings.Balanced);
    }

    [Fact]
    public void An_escrow_cannot_share_its_tokens_prefix_or_hold_in_the_zero_address()
    {
        var token = new TokenLedger("token", (_, _) => ValueTask.FromResult(false));

        Assert.Throws<ArgumentException>(() => new Escrow("token", token, BlocksChaincode.EscrowAccount));
        Assert.Throws<ArgumentException>(() => new Escrow("escrow", token, Address.Zero));
    }
}
