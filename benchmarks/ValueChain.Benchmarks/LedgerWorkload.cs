using System.Text.Json;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Benchmarks;

/// <summary>Ledgers, accounts and pre-signed transactions for the ledger benchmarks.</summary>
internal static class LedgerWorkload
{
    public const int Accounts = 16;

    public static EthereumSigner[] Signers { get; } = Enumerable.Range(0, Accounts)
        .Select(i => new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash(BitConverter.GetBytes(i + 1)).ToArray())))
        .ToArray();

    public static InMemoryLedger Open(int blockSize, string? dataDirectory = null, Action<InMemoryLedgerOptions>? configure = null)
    {
        var options = new InMemoryLedgerOptions
        {
            Membership = MembershipMode.Open,
            MaxBlockTransactions = blockSize,
            DataDirectory = dataDirectory,
            ProducerKey = dataDirectory is null ? null : PrivateKey.FromBytes(Keccak256.Hash("benchmark producer"u8).ToArray()),
        };
        configure?.Invoke(options);
        return InMemoryLedger.Open(options, [new ConformanceChaincode()]);
    }

    /// <summary>A trivial invocation (one key) or the five-key one, unique per call.</summary>
    public static ContractInvocation Invocation(int keys, int account, int index) => keys == 1
        ? new(ConformanceChaincode.ChaincodeName, "put", JsonSerializer.Serialize(new { key = $"a{account}/{index}", value = "v" }))
        : new(ConformanceChaincode.ChaincodeName, "putMany", JsonSerializer.Serialize(new { prefix = $"a{account}/{index}", count = keys, value = "v" }));

    /// <summary>Transactions signed in advance, round-robin over the accounts, nonces from the ledger's current ones.</summary>
    public static SignedTransaction[] PreSign(InMemoryLedger ledger, int count, int keys)
    {
        var next = Signers.Select(s => ledger.GetNextNonce(s.Address)).ToArray();
        var transactions = new SignedTransaction[count];
        Parallel.For(0, Accounts, a =>
        {
            for (int i = a; i < count; i += Accounts)
            {
                var transaction = new LedgerTransaction(ledger.NetworkId, Signers[a].Address, next[a] + (ulong)(i / Accounts), Invocation(keys, a, i));
                transactions[i] = new SignedTransaction(transaction, Signers[a].Sign(transaction.Hash));
            }
        });
        return transactions;
    }
}
