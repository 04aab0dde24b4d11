using CsCheck;
using ValueChain.Testing;

namespace ValueChain.Chaincode.Tests;

// Random operation sequences applied to the C# blocks on the embedded ledger and to their Solidity twins on
// anvil: every call ends alike (success or the same code, the same token transfers), and afterwards every
// balance, allowance, escrow and member reads the same.
public sealed class BlocksDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    // Stands for the escrow's account, which is a derived address on one ledger and the probe contract on the other.
    private static readonly Address EscrowMark = ContractAccount.Derive("escrow account, either ledger");

    [Fact]
    public async Task Random_sequences_end_alike_on_the_embedded_ledger_and_on_anvil()
    {
        int succeeded = 0;
        await Operation.Gen(membership: true).Array[10, 30].SampleAsync(
            async operations =>
            {
                await using EmbeddedBlocks embedded = EmbeddedBlocks.Open();
                await using AnvilBlocks onAnvil = await AnvilBlocks.DeployAsync(anvil);
                foreach (Operation operation in Operation.Prelude.Concat(operations))
                {
                    Outcome expected = Normalised(await operation.ApplyAsync(embedded), embedded);
                    Outcome actual = Normalised(await operation.ApplyAsync(onAnvil), onAnvil);
                    Assert.True(expected.Code == actual.Code, $"{operation}: {expected.Code ?? "success"} on the embedded ledger, {actual.Code ?? "success"} on anvil");
                    Assert.Equal(expected.Transfers, actual.Transfers);
                    succeeded += expected.Succeeded && operation is Lock or Release or Refund or Invite or ApproveInvitation or Revoke ? 1 : 0;
                }

                Assert.Equal(await StateAsync(embedded), await StateAsync(onAnvil));
            },
            iter: 6,
            threads: 1);

        Assert.True(succeeded > 0, "No escrow or membership call succeeded in any sequence.");
    }

    private static Outcome Normalised(Outcome outcome, BlocksUnderTest ledger) => outcome with
    {
        Transfers = [.. outcome.Transfers.Select(t => new TokenTransfer(Mark(t.From, ledger), Mark(t.To, ledger), t.Value))],
    };

    private static Address Mark(Address address, BlocksUnderTest ledger) => address == ledger.EscrowAccount ? EscrowMark : address;

    // Everything the sequences can change, as one comparable string.
    private static async Task<string> StateAsync(BlocksUnderTest ledger)
    {
        var lines = new List<string> { $"supply {await ledger.TotalSupplyAsync()}", $"holdings {await ledger.HoldingsAsync()}" };
        foreach (Address holder in BlocksUnderTest.Actors.Append(ledger.EscrowAccount))
        {
            lines.Add($"{Mark(holder, ledger)} holds {await ledger.BalanceOfAsync(holder)}");
        }

        foreach (Address owner in BlocksUnderTest.Actors)
        {
            lines.Add($"{owner} lets the escrow move {await ledger.AllowanceAsync(owner, ledger.EscrowAccount)}");
            foreach (Address spender in BlocksUnderTest.Actors)
            {
                lines.Add($"{owner} lets {spender} move {await ledger.AllowanceAsync(owner, spender)}");
            }

            lines.Add($"{owner} is {await ledger.MemberAsync(owner)}");
        }

        for (int id = 0; id <= 5; id++)
        {
            lines.Add($"{Operation.EscrowId(id)} is {await ledger.StatusAsync(Operation.EscrowId(id))}");
        }

        return string.Join('\n', lines);
    }
}
