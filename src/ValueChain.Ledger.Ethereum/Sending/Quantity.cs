using System.Globalization;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>JSON-RPC quantities: hex numbers without leading zeros (<c>0x0</c>, <c>0x1a</c>).</summary>
internal static class Quantity
{
    public static string From(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static ulong ToUInt64(JsonElement element)
    {
        string text = element.GetString() ?? "";
        return text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : throw new ValueChainFormatException("quantity", text, "a hex quantity such as 0x1a is expected");
    }
}
