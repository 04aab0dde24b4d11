using System.Globalization;
using System.Numerics;

namespace ValueChain.Procurement;

/// <summary>Token base units as exact decimal currency text and back (no floating point on either way).</summary>
internal static class UblAmounts
{
    /// <summary>The amount with the decimal point <paramref name="decimals"/> digits from the right (1234, 2 → "12.34"; 5, 2 → "0.05").</summary>
    public static string Format(UInt256 amount, int decimals)
    {
        string digits = amount.ToString();
        if (decimals == 0)
        {
            return digits;
        }

        digits = digits.PadLeft(decimals + 1, '0');
        return string.Concat(digits.AsSpan(0, digits.Length - decimals), ".", digits.AsSpan(digits.Length - decimals));
    }

    /// <summary>The base units of decimal text with at most <paramref name="decimals"/> fraction digits, or null when it is not such text or passes 2^256 − 1.</summary>
    public static UInt256? Parse(string text, int decimals)
    {
        int point = text.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? text : text[..point];
        string fraction = point < 0 ? "" : text[(point + 1)..];
        if (whole.Length == 0 || fraction.Length > decimals || (point >= 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return null;
        }

        BigInteger value = BigInteger.Parse(whole + fraction.PadRight(decimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= UInt256.MaxValue.Value ? new UInt256(value) : null;
    }
}
