using CsCheck;

namespace ValueChain.Chaincode.Tests;

// Random operation sequences on the embedded ledger: tokens are conserved across every holder and the
// escrow, the open escrows always add up to the held balance, and no escrow is ever stuck.
public sealed class BlocksPropertyTests
{
    private static readonly Gen<Operation[]> Sequences = Operation.Gen(membership: true).Array[5, 40];

    [Fact]
    public async Task Tokens_are_conserved_and_the_open_escrows_always_add_up_to_the_held_balance()
    {
        int locks = 0, closes = 0;
        await Sequences.SampleAsync(
            async operations =>
            {
                await using EmbeddedBlocks ledger = EmbeddedBlocks.Open();
                foreach (Operation operation in Operation.Prelude.Concat(operations))
                {
                    Outcome outcome = await operation.ApplyAsync(ledger);
                    await AssertConservedAsync(ledger, operation);
                    locks += outcome.Succeeded && operation is Lock ? 1 : 0;
                    closes += outcome.Succeeded && operation is Release or Refund ? 1 : 0;
                }
            },
            iter: 40,
            threads: 1);

        // The sequences reach the escrow, not only refusals.
        Assert.True(locks > 0 && closes > 0, $"{locks} locks and {closes} releases or refunds succeeded");
    }

    [Fact]
    public async Task Every_open_escrow_can_be_released_or_after_its_deadline_refunded()
    {
        int closed = 0;
        await Gen.Select(Sequences, Gen.Bool).SampleAsync(
            async (operations, release) =>
            {
                await using EmbeddedBlocks ledger = EmbeddedBlocks.Open(BlocksUnderTest.Rules(EmbeddedBlocks.Start));
                foreach (Operation operation in Operation.Prelude.Concat(operations).Where(o => o is not (Revoke or Invite or ApproveInvitation)))
                {
                    await operation.ApplyAsync(ledger);
                }

                List<EscrowRecord> open = (await ledger.QueryAsync("openEscrows", "{}", BlocksJson.Default.ListEscrowRecord))!;
                UInt256 supply = await ledger.TotalSupplyAsync();
                if (!release)
                {
                    await ledger.AdvanceAsync(TimeSpan.FromHours(4)); // past every deadline the sequences set
                }

                foreach (EscrowRecord escrow in open)
                {
                    int payer = BlocksUnderTest.Actors.ToList().IndexOf(escrow.Payer);
                    Outcome close = release ? await ledger.ReleaseAsync(payer, escrow.Id) : await ledger.RefundAsync(payer, escrow.Id);
                    Assert.True(close.Succeeded, $"{(release ? "release" : "refund")} of {escrow} failed with {close.Code}");
                    Assert.Equal([new TokenTransfer(ledger.EscrowAccount, release ? escrow.Payee : escrow.Payer, escrow.Amount)], close.Transfers);
                    closed++;
                }

                Assert.Equal(new EscrowHoldings(0, 0, 0), await ledger.HoldingsAsync());
                Assert.Equal(supply, await ledger.TotalSupplyAsync());
            },
            iter: 30,
            threads: 1);

        Assert.True(closed > 0, "No sequence left an escrow open to close.");
    }

    private static async Task AssertConservedAsync(EmbeddedBlocks ledger, Operation after)
    {
        UInt256 held = UInt256.Zero;
        foreach (Address holder in BlocksUnderTest.Actors.Append(ledger.EscrowAccount))
        {
            held += await ledger.BalanceOfAsync(holder);
        }

        EscrowHoldings holdings = await ledger.HoldingsAsync();
        Assert.True(held == await ledger.TotalSupplyAsync(), $"after {after}: the holders hold {held}, the supply is {await ledger.TotalSupplyAsync()}");
        Assert.True(holdings.Balanced, $"after {after}: {holdings}");
    }
}
