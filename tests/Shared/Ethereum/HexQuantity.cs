using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace ValueChain.Testing.Ethereum;

/// <summary>Reads JSON-RPC hex quantities (<c>0x1a</c>) in the tests, independently of the driver's own parser.</summary>
internal static class HexQuantity
{
    public static BigInteger Parse(JsonElement hex) =>
        BigInteger.Parse("0" + hex.GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
