using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Chaincode.Tests;

// Two blocks of one kind in one chaincode, under prefixes where one starts with the other: neither sees the other's state.
public sealed class BlockPrefixTests
{
    [Fact]
    public async Task Two_tokens_whose_prefixes_share_a_beginning_keep_separate_balances_and_supplies()
    {
        var clock = new ManualLedgerClock(EmbeddedBlocks.Start);
        await using InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Clock = clock, Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("prefix producer"u8).ToArray()) },
            [new TwoTokensChaincode()]);
        var minter = new EthereumSigner(BlocksUnderTest.Keys[0]);
        Address holder = BlocksUnderTest.Actors[2];

        (await ledger.SubmitAsync(minter, new ContractInvocation("two", "mintA", JsonSerializer.Serialize(new AmountArgs(holder, 7), BlocksJson.Default.AmountArgs)), TestContext.Current.CancellationToken)).EnsureSucceeded();
        (await ledger.SubmitAsync(minter, new ContractInvocation("two", "mintB", JsonSerializer.Serialize(new AmountArgs(holder, 5), BlocksJson.Default.AmountArgs)), TestContext.Current.CancellationToken)).EnsureSucceeded();

        Assert.Equal("\"7 7 5 5\"", await ledger.EvaluateAsync(null, new ContractInvocation("two", "read", JsonSerializer.Serialize(new AddressArgs(holder), BlocksJson.Default.AddressArgs)), TestContext.Current.CancellationToken));
    }

    private sealed class TwoTokensChaincode : IChaincode
    {
        private readonly TokenLedger _a = new("pay", (_, _) => ValueTask.FromResult(true));
        private readonly TokenLedger _b = new("payout", (_, _) => ValueTask.FromResult(true));

        public string Name => "two";

        public IReadOnlySet<string> Functions { get; } = new HashSet<string>(["mintA", "mintB", "read"]);

        public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
        {
            switch (functionName)
            {
                case "read":
                    Address owner = ChaincodeState.ParseArguments(argumentsJson, BlocksJson.Default.AddressArgs).Address;
                    return JsonSerializer.Serialize(
                        $"{await _a.BalanceOfAsync(context, owner, cancellationToken)} {await _a.TotalSupplyAsync(context, cancellationToken)} {await _b.BalanceOfAsync(context, owner, cancellationToken)} {await _b.TotalSupplyAsync(context, cancellationToken)}",
                        BlocksJson.Default.String);
                default:
                    AmountArgs args = ChaincodeState.ParseArguments(argumentsJson, BlocksJson.Default.AmountArgs);
                    await (functionName == "mintA" ? _a : _b).MintAsync(context, args.To, args.Amount, cancellationToken);
                    return null;
            }
        }
    }
}
