using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>A block's timestamp, read once for <see cref="EthereumClient"/> and <see cref="DevChainTimeControl"/>.</summary>
internal static class BlockTime
{
    public static async Task<DateTimeOffset> OfAsync(JsonRpcClient rpc, ulong? block, CancellationToken cancellationToken)
    {
        JsonElement header = await rpc.CallAsync("eth_getBlockByNumber", [block is { } number ? Quantity.From(number) : "latest", false], cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeSeconds((long)Quantity.ToUInt64(header.GetProperty("timestamp")));
    }
}
