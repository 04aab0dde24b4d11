using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>A log emitted by a contract, as a node reports it.</summary>
/// <param name="Address">The emitting contract.</param>
/// <param name="Topics">The topics (the event's signature hash first, unless anonymous, then the indexed fields).</param>
/// <param name="Data">The non-indexed fields, ABI-encoded.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="BlockHash">That block's hash.</param>
/// <param name="TransactionHash">The transaction that emitted it.</param>
/// <param name="LogIndex">Its position in the block.</param>
/// <param name="Removed">True when a reorganisation removed it (only seen without confirmations).</param>
public sealed record EthereumLog(
    Address Address, IReadOnlyList<Hash32> Topics, byte[] Data, ulong BlockNumber, Hash32 BlockHash, Hash32 TransactionHash, ulong LogIndex, bool Removed)
{
    internal static EthereumLog FromJson(JsonElement json) => new(
        Address.Parse(json.GetProperty("address").GetString()!),
        [.. json.GetProperty("topics").EnumerateArray().Select(t => Hash32.Parse(t.GetString()!))],
        Hex.Decode(json.GetProperty("data").GetString()!, "data"),
        Quantity.ToUInt64(json.GetProperty("blockNumber")),
        Hash32.Parse(json.GetProperty("blockHash").GetString()!),
        Hash32.Parse(json.GetProperty("transactionHash").GetString()!),
        Quantity.ToUInt64(json.GetProperty("logIndex")),
        json.TryGetProperty("removed", out JsonElement removed) && removed.ValueKind == JsonValueKind.True);
}
