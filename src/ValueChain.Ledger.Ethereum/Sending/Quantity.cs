using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>JSON-RPC quantities: hex strings with a 0x prefix and no leading zeros.</summary>
internal static class Quantity
{
    public static string From(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string From(UInt256 value) => value.Value.IsZero ? "0x0" : "0x" + value.Value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    public static ulong ToUInt64(JsonElement element)
    {
        string text = element.GetString() ?? "";
        return text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : throw new ValueChainFormatException("quantity", text, "a hex quantity such as 0x1a is expected");
    }

    public static UInt256 ToUInt256(JsonElement element)
    {
        string text = element.GetString() ?? "";
        // A leading 0 keeps BigInteger's hex parser from reading the top bit as a sign.
        return text.StartsWith("0x", StringComparison.Ordinal) && text.Length is > 2 and <= 66
            && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger value)
            ? new UInt256(value)
            : throw new ValueChainFormatException("quantity", text, "a hex quantity of at most 256 bits such as 0x1a is expected");
    }
}
