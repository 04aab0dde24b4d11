using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>What kind of node answers, from its <c>web3_clientVersion</c>: the sender's batch release and the time control depend on it.</summary>
internal static class NodeKind
{
    // The development nodes whose evm_increaseTime/evm_mine move ledger time.
    private static readonly string[] DevelopmentPrefixes = ["anvil/", "HardhatNetwork/", "Ganache/", "EthereumJS TestRPC/"];

    /// <summary>The node's client version, or null when the node does not say.</summary>
    public static async Task<string?> ClientVersionAsync(JsonRpcClient rpc, CancellationToken cancellationToken)
    {
        try
        {
            JsonElement version = await rpc.CallAsync("web3_clientVersion", [], cancellationToken).ConfigureAwait(false);
            return version.ValueKind == JsonValueKind.String ? version.GetString() : null;
        }
        catch (JsonRpcException)
        {
            return null; // a node that does not say what it is is treated as a production node
        }
    }

    public static bool IsAnvil(string? clientVersion) => clientVersion?.StartsWith("anvil/", StringComparison.OrdinalIgnoreCase) == true;

    public static bool IsDevelopment(string? clientVersion) =>
        clientVersion is not null && DevelopmentPrefixes.Any(prefix => clientVersion.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
