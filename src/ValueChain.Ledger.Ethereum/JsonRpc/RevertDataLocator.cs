using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Finds the revert data in a node's error, wherever the node kind puts it, so that typed contract errors survive
/// on every node: <c>error.data</c> as hex (geth, anvil, Besu, hardhat 3), <c>error.data.data</c> (hardhat 2),
/// <c>error.data.result</c> (ganache 7), <c>error.data.&lt;txhash&gt;.return</c> (ganache 6), or
/// <c>"Reverted 0x…"</c> in <c>error.data</c> (Nethermind).
/// </summary>
public static class RevertDataLocator
{
    private static readonly string[] NestedMembers = ["data", "result", "return"];
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// The revert data of <paramref name="error"/>: its bytes, empty for a revert that carries none, null when the
    /// error is not a revert (a revert is error code 3, or a message or data that says "revert").
    /// </summary>
    public static byte[]? Find(JsonRpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string? hex = error.ErrorData is { } data ? FindHex(data, depth: 0) : null;
        bool reverted = error.RpcCode == 3
            || error.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase)
            || (error.ErrorData?.ToString().Contains("revert", StringComparison.OrdinalIgnoreCase) ?? false);
        if (!reverted)
        {
            return null;
        }

        return hex is null ? [] : Hex.Decode(hex, "revert data");
    }

    // The first 0x-prefixed hex string at the known places, looking one transaction-hash level deep for ganache 6.
    private static string? FindHex(JsonElement data, int depth)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.String:
                return HexIn(data.GetString()!);
            case JsonValueKind.Object when depth < 2:
                foreach (string member in NestedMembers)
                {
                    if (data.TryGetProperty(member, out JsonElement inner) && FindHex(inner, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                foreach (JsonProperty property in data.EnumerateObject())
                {
                    if (property.Name.StartsWith("0x", StringComparison.Ordinal) && FindHex(property.Value, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // "0x…" as is, or the hex after "Reverted " (Nethermind); anything else is a message, not data.
    private static string? HexIn(string text)
    {
        string candidate = text.StartsWith("Reverted ", StringComparison.OrdinalIgnoreCase) ? text["Reverted ".Length..].Trim() : text;
        return candidate.StartsWith("0x", StringComparison.Ordinal) && candidate.Length % 2 == 0 && !candidate.AsSpan(2).ContainsAnyExcept(HexDigits)
            ? candidate
            : null;
    }
}
