using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Chaincode.Tests;

// The token block inside the embedded ledger: every rule and refusal, with ERC-20's events.
public sealed class TokenLedgerTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<Address> A = BlocksUnderTest.Actors;
    private EmbeddedBlocks _ledger = null!;

    public ValueTask InitializeAsync()
    {
        _ledger = EmbeddedBlocks.Open();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    [Fact]
    public async Task An_admin_mints_and_the_mint_is_a_Transfer_from_the_zero_address_with_ERC20_names()
    {
        TransactionReceipt receipt = await _ledger.SubmitAsync(0, "mint", new AmountArgs(A[2], 100), BlocksJson.Default.AmountArgs);

        LedgerEvent transfer = Assert.Single(receipt.Events);
        Assert.Equal("Transfer", transfer.Name);
        Assert.Equal($$"""{"from":"0x0000000000000000000000000000000000000000","to":"{{A[2]}}","value":"100"}""", transfer.PayloadJson);
        Assert.Equal(new UInt256(100), await _ledger.BalanceOfAsync(A[2]));
        Assert.Equal(new UInt256(100), await _ledger.TotalSupplyAsync());
    }

    [Fact]
    public async Task Only_an_active_admin_mints()
    {
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.MintAsync(2, A[2], 1)).Code); // a member without the admin right
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.MintAsync(4, A[4], 1)).Code); // no member
        Assert.Null((await _ledger.RevokeAsync(1, A[0])).Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.MintAsync(0, A[0], 1)).Code); // a revoked admin

        Assert.Null((await _ledger.MintAsync(1, A[1], 1)).Code);
        Assert.Equal(new UInt256(1), await _ledger.TotalSupplyAsync());
    }

    [Fact]
    public async Task A_mint_to_the_zero_address_or_past_the_uint256_range_is_refused_and_changes_nothing()
    {
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.MintAsync(0, Address.Zero, 1)).Code);
        Assert.Null((await _ledger.MintAsync(0, A[2], UInt256.MaxValue)).Code);

        Assert.Equal(ErrorCodes.Conflict, (await _ledger.MintAsync(0, A[3], 1)).Code);
        Assert.Equal(UInt256.MaxValue, await _ledger.TotalSupplyAsync());
        Assert.Equal(UInt256.Zero, await _ledger.BalanceOfAsync(A[3]));
    }

    [Fact]
    public async Task A_transfer_moves_tokens_and_a_shortfall_is_insufficient_balance_with_nothing_moved()
    {
        await _ledger.MintAsync(0, A[2], 100);

        Outcome moved = await _ledger.TransferAsync(2, A[3], 60);
        Outcome tooMuch = await _ledger.TransferAsync(2, A[3], 41);

        Assert.Equal([new TokenTransfer(A[2], A[3], 60)], moved.Transfers);
        Assert.Equal(ErrorCodes.InsufficientBalance, tooMuch.Code);
        Assert.Equal((new UInt256(40), new UInt256(60)), (await _ledger.BalanceOfAsync(A[2]), await _ledger.BalanceOfAsync(A[3])));
    }

    [Fact]
    public async Task Zero_amounts_and_transfers_to_oneself_are_allowed_and_emit_Transfer_but_the_zero_address_receives_nothing()
    {
        await _ledger.MintAsync(0, A[2], 10);

        Outcome zero = await _ledger.TransferAsync(4, A[3], 0); // holds nothing, moves nothing
        Outcome self = await _ledger.TransferAsync(2, A[2], 10);
        Outcome toZero = await _ledger.TransferAsync(2, Address.Zero, 1);

        Assert.Equal([new TokenTransfer(A[4], A[3], 0)], zero.Transfers);
        Assert.Equal([new TokenTransfer(A[2], A[2], 10)], self.Transfers);
        Assert.Equal(ErrorCodes.InvalidFormat, toZero.Code);
        Assert.Equal(new UInt256(10), await _ledger.BalanceOfAsync(A[2]));
    }

    [Fact]
    public async Task Approve_overwrites_and_emits_Approval_and_the_zero_address_is_no_spender()
    {
        await _ledger.ApproveAsync(2, A[3], 300);
        TransactionReceipt second = await _ledger.SubmitAsync(2, "approve", new ApproveArgs(A[3], 100), BlocksJson.Default.ApproveArgs);

        LedgerEvent approval = Assert.Single(second.Events);
        Assert.Equal("Approval", approval.Name);
        Assert.Equal($$"""{"owner":"{{A[2]}}","spender":"{{A[3]}}","value":"100"}""", approval.PayloadJson);
        Assert.Equal(new UInt256(100), await _ledger.AllowanceAsync(A[2], A[3]));
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.ApproveAsync(2, Address.Zero, 1)).Code);
        Assert.Null((await _ledger.ApproveAsync(2, A[3], 0)).Code);
        Assert.Equal(UInt256.Zero, await _ledger.AllowanceAsync(A[2], A[3]));
    }

    [Fact]
    public async Task TransferFrom_spends_the_allowance_without_an_Approval_event()
    {
        await _ledger.MintAsync(0, A[2], 100);
        await _ledger.ApproveAsync(2, A[3], 70);

        TransactionReceipt receipt = await _ledger.SubmitAsync(3, "transferFrom", new TransferFromArgs(A[2], A[5], 50), BlocksJson.Default.TransferFromArgs);

        Assert.Equal(["Transfer"], receipt.Events.Select(e => e.Name));
        Assert.Equal(new UInt256(20), await _ledger.AllowanceAsync(A[2], A[3]));
        Assert.Equal(new UInt256(50), await _ledger.BalanceOfAsync(A[5]));
    }

    [Fact]
    public async Task TransferFrom_checks_the_allowance_before_the_recipient_and_the_balance_and_a_refusal_spends_nothing()
    {
        await _ledger.MintAsync(0, A[2], 10);
        await _ledger.ApproveAsync(2, A[3], 20);

        Assert.Equal(ErrorCodes.InsufficientAllowance, (await _ledger.TransferFromAsync(3, A[2], Address.Zero, 21)).Code);
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.TransferFromAsync(3, A[2], Address.Zero, 20)).Code);
        Assert.Equal(ErrorCodes.InsufficientBalance, (await _ledger.TransferFromAsync(3, A[2], A[3], 20)).Code);
        Assert.Equal(ErrorCodes.InsufficientAllowance, (await _ledger.TransferFromAsync(2, A[2], A[3], 1)).Code); // an owner needs an allowance for itself too

        Assert.Equal(new UInt256(20), await _ledger.AllowanceAsync(A[2], A[3]));
        Assert.Equal(new UInt256(10), await _ledger.BalanceOfAsync(A[2]));
    }

    [Fact]
    public async Task An_allowance_of_2_to_the_256_minus_1_is_unlimited_and_never_decreases()
    {
        await _ledger.MintAsync(0, A[2], 1_000);
        await _ledger.ApproveAsync(2, A[3], UInt256.MaxValue);

        await _ledger.TransferFromAsync(3, A[2], A[3], 400);
        await _ledger.TransferFromAsync(3, A[2], A[3], 600);

        Assert.Equal(UInt256.MaxValue, await _ledger.AllowanceAsync(A[2], A[3]));
        Assert.Equal(new UInt256(1_000), await _ledger.BalanceOfAsync(A[3]));
    }

    [Fact]
    public async Task Amounts_are_decimal_strings_under_the_tokens_prefix_and_a_zero_balance_leaves_no_key()
    {
        await _ledger.MintAsync(0, A[2], 25);
        await _ledger.TransferAsync(2, A[3], 25);

        Assert.Null(_ledger.Ledger.GetState(BlocksChaincode.ChaincodeName, ChaincodeState.Key("token", "balance", A[2].ToLowerHex())));
        Assert.Equal("25", Encoding.UTF8.GetString(_ledger.Ledger.GetState(BlocksChaincode.ChaincodeName, ChaincodeState.Key("token", "balance", A[3].ToLowerHex()))!));
        Assert.Equal("25", Encoding.UTF8.GetString(_ledger.Ledger.GetState(BlocksChaincode.ChaincodeName, ChaincodeState.Key("token", "supply"))!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("to\u001fken")]
    public void A_prefix_that_is_empty_or_holds_a_control_character_is_refused(string prefix)
    {
        var refused = Assert.Throws<ArgumentException>(() => new TokenLedger(prefix, (_, _) => ValueTask.FromResult(true)));

        Assert.Contains("prefix", refused.Message, StringComparison.Ordinal);
    }
}
