using ValueChain.Testing;

namespace ValueChain.Chaincode.Tests;

// One script of calls with the code each must end with, run on the C# blocks inside the embedded ledger and on
// their Solidity twins on anvil: every refusal reads the same on both.
public sealed class TwinRulesTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly IReadOnlyList<Address> A = BlocksUnderTest.Actors;

    public static TheoryData<string> Ledgers => new() { "embedded", "anvil" };

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task The_token_accepts_and_refuses_alike(string ledger)
    {
        await using BlocksUnderTest blocks = await OpenAsync(ledger);

        await ExpectAsync(ErrorCodes.Unauthorized, blocks.MintAsync(2, A[2], 1));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.MintAsync(0, Address.Zero, 1));
        await ExpectAsync(null, blocks.MintAsync(0, A[2], 100));
        await ExpectAsync(ErrorCodes.Conflict, blocks.MintAsync(0, A[3], UInt256.MaxValue));
        await ExpectAsync(ErrorCodes.InsufficientBalance, blocks.TransferAsync(2, A[3], 101));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.TransferAsync(2, Address.Zero, 1));
        await ExpectAsync(null, blocks.TransferAsync(2, A[2], 100));
        await ExpectAsync(null, blocks.TransferAsync(5, A[3], 0));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.ApproveAsync(2, Address.Zero, 1));
        await ExpectAsync(null, blocks.ApproveAsync(2, A[3], 30));
        await ExpectAsync(ErrorCodes.InsufficientAllowance, blocks.TransferFromAsync(3, A[2], Address.Zero, 31));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.TransferFromAsync(3, A[2], Address.Zero, 30));
        await ExpectAsync(null, blocks.TransferFromAsync(3, A[2], A[4], 30));
        await ExpectAsync(null, blocks.ApproveAsync(2, A[3], UInt256.MaxValue));
        await ExpectAsync(ErrorCodes.InsufficientBalance, blocks.TransferFromAsync(3, A[2], A[4], 71));
        await ExpectAsync(null, blocks.TransferFromAsync(3, A[2], A[4], 70));

        Assert.Equal(UInt256.MaxValue, await blocks.AllowanceAsync(A[2], A[3]));
        Assert.Equal((UInt256.Zero, new UInt256(100), new UInt256(100)), (await blocks.BalanceOfAsync(A[2]), await blocks.BalanceOfAsync(A[4]), await blocks.TotalSupplyAsync()));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task The_escrow_accepts_and_refuses_alike(string ledger)
    {
        await using BlocksUnderTest blocks = await OpenAsync(ledger);
        await blocks.MintAsync(0, A[2], 500);
        await blocks.MintAsync(0, A[4], 500);
        await blocks.ApproveAsync(4, blocks.EscrowAccount, 500);

        await ExpectAsync(ErrorCodes.InsufficientAllowance, blocks.LockAsync(2, "o1", A[3], 100, TimeSpan.FromHours(1)));
        await blocks.ApproveAsync(2, blocks.EscrowAccount, 1_000);
        await ExpectAsync(ErrorCodes.InsufficientBalance, blocks.LockAsync(2, "o1", A[3], 501, TimeSpan.FromHours(1)));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.LockAsync(2, "o1", A[3], 0, TimeSpan.FromHours(1)));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.LockAsync(2, "o1", Address.Zero, 1, TimeSpan.FromHours(1)));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.LockAsync(2, "o1", blocks.EscrowAccount, 1, TimeSpan.FromHours(1)));
        await ExpectAsync(ErrorCodes.Unauthorized, blocks.LockAsync(4, "o1", A[3], 1, TimeSpan.FromHours(1)));
        await ExpectAsync(null, blocks.LockAsync(2, "o1", A[3], 100, TimeSpan.FromHours(1)));
        await ExpectAsync(null, blocks.LockAsync(2, "o2", A[3], 150, TimeSpan.FromHours(1)));
        await ExpectAsync(ErrorCodes.Conflict, blocks.LockAsync(2, "o1", A[3], 100, TimeSpan.FromHours(1)));
        Assert.Equal(new EscrowHoldings(250, 250, 2), await blocks.HoldingsAsync());
        await ExpectAsync(ErrorCodes.Unauthorized, blocks.ReleaseAsync(3, "o1"));
        await ExpectAsync(ErrorCodes.NotFound, blocks.ReleaseAsync(2, "o9"));
        await ExpectAsync(ErrorCodes.DeadlineNotReached, blocks.RefundAsync(2, "o1"));
        await ExpectAsync(null, blocks.ReleaseAsync(2, "o1"));
        await ExpectAsync(ErrorCodes.Conflict, blocks.ReleaseAsync(2, "o1"));
        await blocks.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await ExpectAsync(null, blocks.RefundAsync(2, "o2"));
        await ExpectAsync(ErrorCodes.Conflict, blocks.RefundAsync(2, "o2"));
        await ExpectAsync(ErrorCodes.Conflict, blocks.LockAsync(2, "o2", A[3], 1, TimeSpan.Zero));

        Assert.Equal(new EscrowHoldings(0, 0, 0), await blocks.HoldingsAsync());
        Assert.Equal((EscrowStatus?)EscrowStatus.Released, await blocks.StatusAsync("o1"));
        Assert.Equal((EscrowStatus?)EscrowStatus.Refunded, await blocks.StatusAsync("o2"));
        Assert.Null(await blocks.StatusAsync("o9"));
        Assert.Equal((new UInt256(400), new UInt256(100)), (await blocks.BalanceOfAsync(A[2]), await blocks.BalanceOfAsync(A[3])));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task Membership_accepts_and_refuses_alike(string ledger)
    {
        await using BlocksUnderTest blocks = await OpenAsync(ledger);

        await ExpectAsync(ErrorCodes.Unauthorized, blocks.InviteAsync(2, A[4], "Werk", 1, false));
        await ExpectAsync(ErrorCodes.Unauthorized, blocks.InviteAsync(4, A[5], "Werk", 1, false));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.InviteAsync(0, A[4], " \t", 1, false));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.InviteAsync(0, A[4], new string('ü', 101), 1, false));
        await ExpectAsync(ErrorCodes.InvalidFormat, blocks.InviteAsync(0, A[4], "Werk", 3, false));
        await ExpectAsync(ErrorCodes.Conflict, blocks.InviteAsync(0, A[2], "Werk", 1, false));
        await ExpectAsync(null, blocks.InviteAsync(0, A[4], new string('ü', 100), 2, true));
        await ExpectAsync(ErrorCodes.Conflict, blocks.InviteAsync(1, A[4], "Werk", 1, false));
        await ExpectAsync(ErrorCodes.Conflict, blocks.ApproveInvitationAsync(0, A[4]));
        await ExpectAsync(ErrorCodes.NotFound, blocks.ApproveInvitationAsync(0, A[5]));
        Assert.Null(await blocks.MemberAsync(A[4]));
        await ExpectAsync(null, blocks.ApproveInvitationAsync(1, A[4]));
        await ExpectAsync(ErrorCodes.Conflict, blocks.ApproveInvitationAsync(1, A[4]));
        await ExpectAsync(ErrorCodes.Conflict, blocks.RevokeAsync(0, A[0]));
        await ExpectAsync(ErrorCodes.NotFound, blocks.RevokeAsync(0, A[5]));
        await ExpectAsync(null, blocks.RevokeAsync(4, A[0]));
        await ExpectAsync(ErrorCodes.Conflict, blocks.RevokeAsync(1, A[0]));
        await ExpectAsync(ErrorCodes.Unauthorized, blocks.InviteAsync(0, A[5], "Werk", 1, false));

        Assert.Equal((2, true, true), await blocks.MemberAsync(A[4]));
        Assert.Equal((1, true, false), await blocks.MemberAsync(A[0]));
    }

    private async Task<BlocksUnderTest> OpenAsync(string ledger) =>
        ledger == "anvil" ? await AnvilBlocks.DeployAsync(anvil) : EmbeddedBlocks.Open();

    private static async Task ExpectAsync(string? code, Task<Outcome> call) => Assert.Equal(code, (await call).Code);
}
