using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>The outcome of a mined transaction.</summary>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="Succeeded">Whether it executed (status 1) or reverted (status 0).</param>
/// <param name="GasUsed">The gas it used.</param>
/// <param name="ContractAddress">The created contract, for a deployment.</param>
/// <param name="Logs">The logs it emitted, in order.</param>
public sealed record TransactionReceipt(
    Hash32 TransactionHash, ulong BlockNumber, bool Succeeded, ulong GasUsed, Address? ContractAddress, IReadOnlyList<EthereumLog> Logs)
{
    internal static TransactionReceipt FromJson(JsonElement json) => new(
        Hash32.Parse(json.GetProperty("transactionHash").GetString()!),
        Quantity.ToUInt64(json.GetProperty("blockNumber")),
        Quantity.ToUInt64(json.GetProperty("status")) == 1,
        Quantity.ToUInt64(json.GetProperty("gasUsed")),
        json.TryGetProperty("contractAddress", out JsonElement created) && created.ValueKind == JsonValueKind.String ? Address.Parse(created.GetString()!) : null,
        [.. json.GetProperty("logs").EnumerateArray().Select(EthereumLog.FromJson)]);
}
