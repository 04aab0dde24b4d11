using System.Globalization;
using System.Text.Json;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Many submitters from many accounts at once, with readers watching an invariant.</summary>
public sealed class ConcurrencyTests
{
    private const int Accounts = 16, PerAccount = 60;
    private const long Supply = 1_000_000;

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task Concurrent_submitters_lose_and_duplicate_nothing_and_readers_never_see_half_a_transaction(int blockSize)
    {
        EthereumSigner[] accounts = Enumerable.Range(0, Accounts).Select(i => TestLedgers.Signer($"account-{i}")).ToArray();
        await using InMemoryLedger ledger = InMemoryLedger.Open(
            TestLedgers.Options(o => { o.Membership = MembershipMode.Open; o.MaxBlockTransactions = blockSize; }),
            [new ConformanceChaincode()]);
        ContractInvocation Call(string function, object arguments) => new(ConformanceChaincode.ChaincodeName, function, JsonSerializer.Serialize(arguments));
        await ledger.SubmitAsync(accounts[0], Call("mint", new { account = "pool", amount = Supply }));

        // Every transfer moves value between two balances in one transaction: the total must never change.
        using var stop = new CancellationTokenSource();
        Task<int> readers = Task.Run(async () =>
        {
            int reads = 0;
            while (!stop.IsCancellationRequested)
            {
                long total = long.Parse((await ledger.EvaluateAsync(null, Call("total", new { })))!, CultureInfo.InvariantCulture);
                Assert.Equal(Supply, total);
                reads++;
            }

            return reads;
        });

        TransactionReceipt[][] receipts = await Task.WhenAll(accounts.Select((account, a) => Task.Run(async () =>
        {
            var mine = new List<TransactionReceipt>();
            for (int i = 0; i < PerAccount; i++)
            {
                string from = i == 0 ? "pool" : $"acct{a}";
                mine.Add(await ledger.SubmitAsync(account, Call("transfer", new { from, to = i % 2 == 0 ? $"acct{a}" : "pool", amount = i == 0 ? 1000 : 1 })));
            }

            return mine.ToArray();
        })));
        await stop.CancelAsync();
        int reads = await readers;

        TransactionReceipt[] all = receipts.SelectMany(r => r).ToArray();
        Assert.All(all, r => Assert.True(r.Succeeded, r.ErrorMessage));
        Assert.Equal(Accounts * PerAccount, all.Select(r => r.TransactionId).Distinct().Count());
        Assert.True(reads > 0);
        var seen = new HashSet<TxId>();
        for (long n = 1; n < ledger.Height; n++)
        {
            foreach (SignedTransaction transaction in ledger.GetBlock(n)!.Transactions)
            {
                Assert.True(seen.Add(transaction.Id), $"transaction {transaction.Id} is in two blocks");
            }
        }

        Assert.Equal(Accounts * PerAccount + 1, seen.Count);
        foreach (EthereumSigner account in accounts)
        {
            // Nonces run 0, 1, 2 … without gaps (account 0 also minted).
            ulong expected = (ulong)PerAccount + (account == accounts[0] ? 1UL : 0UL);
            Assert.Equal(expected, ledger.GetNextNonce(account.Address));
            List<ulong> nonces = Enumerable.Range(1, (int)ledger.Height - 1)
                .SelectMany(n => ledger.GetBlock(n)!.Transactions)
                .Where(t => t.Transaction.Sender == account.Address)
                .Select(t => t.Transaction.Nonce).ToList();
            Assert.Equal(Enumerable.Range(0, (int)expected).Select(i => (ulong)i), nonces);
        }

        Assert.Equal(Supply.ToString(CultureInfo.InvariantCulture), await ledger.EvaluateAsync(null, Call("total", new { })));
        Assert.True((await ledger.VerifyAsync()).IsValid);
    }
}
