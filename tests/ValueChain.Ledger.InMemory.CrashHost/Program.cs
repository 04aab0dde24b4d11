using System.Globalization;
using System.Text.Json;
using ValueChain;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

// Usage: CrashHost <data directory> <member key hex> <block size> [<checkpoint interval>]
// The member's transaction with nonce i writes key "crash/<i>" = "<i>", four transactions at a time;
// after each receipt the host prints "committed <i> <block>". It runs until it is killed.
var member = new EthereumSigner(PrivateKey.Parse(args[1]));
var options = new InMemoryLedgerOptions
{
    DataDirectory = args[0],
    Membership = MembershipMode.Open,
    MaxBlockTransactions = int.Parse(args[2], CultureInfo.InvariantCulture),
    CheckpointInterval = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 0,
    ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("crash producer"u8).ToArray()),
};
await using InMemoryLedger ledger = InMemoryLedger.Open(options, [new ConformanceChaincode()]);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
while (true)
{
    ulong first = ledger.GetNextNonce(member.Address);
    var batch = new List<SignedTransaction>();
    for (ulong nonce = first; nonce < first + 4; nonce++)
    {
        var invocation = new ContractInvocation(ConformanceChaincode.ChaincodeName, "put", JsonSerializer.Serialize(new { key = $"crash/{nonce}", value = $"{nonce}" }));
        batch.Add(await SignedTransaction.SignAsync(new LedgerTransaction(ledger.NetworkId, member.Address, nonce, invocation), member));
    }

    // Enqueued in nonce order, so that they can share blocks.
    TransactionReceipt[] receipts = await Task.WhenAll(batch.Select(t => ledger.SubmitTransactionAsync(t)));
    for (int j = 0; j < receipts.Length; j++)
    {
        await output.WriteLineAsync($"committed {batch[j].Transaction.Nonce} {receipts[j].BlockNumber}");
    }
}
