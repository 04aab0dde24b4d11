using System.Text.Json;
using ValueChain;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

// Usage: CrashHost <data directory> <member key hex> <first index> <block size>
// Writes key "crash/<i>" = "<i>" for i = first index, first index + 1, … and prints
// "committed <i> <block>" after each receipt, until killed.
var member = new EthereumSigner(PrivateKey.Parse(args[1]));
var options = new InMemoryLedgerOptions
{
    DataDirectory = args[0],
    Membership = MembershipMode.Open,
    MaxBlockTransactions = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
    ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("crash producer"u8).ToArray()),
};
await using InMemoryLedger ledger = InMemoryLedger.Open(options, [new ConformanceChaincode()]);
Console.Out.Flush();
var writer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await writer.WriteLineAsync($"opened {ledger.Height}");
for (long i = long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture); ; i += 4)
{
    // Four at a time, so that blocks hold several transactions when the block size allows.
    long first = i;
    TransactionReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(j =>
        ledger.SubmitAsync(member, new ContractInvocation(ConformanceChaincode.ChaincodeName, "put", JsonSerializer.Serialize(new { key = $"crash/{first + j}", value = $"{first + j}" })))));
    for (int j = 0; j < receipts.Length; j++)
    {
        await writer.WriteLineAsync($"committed {first + j} {receipts[j].BlockNumber}");
    }
}
