using System.Globalization;
using System.Numerics;

namespace ValueChain;

/// <summary>
/// An unsigned 256-bit integer for token amounts and on-chain <c>uint256</c> values. Backed by
/// <see cref="BigInteger"/> with the range checked on every construction and operation: arithmetic
/// that would leave [0, 2^256 − 1] throws <see cref="OverflowException"/> (Solidity's checked
/// arithmetic), so a ledger never wraps silently.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.UInt256JsonConverter))]
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, IFormattable
{
    /// <summary>2^256 − 1.</summary>
    public static readonly UInt256 MaxValue = new((BigInteger.One << 256) - 1, trusted: true);

    private readonly BigInteger _value;

    private UInt256(BigInteger value, bool trusted)
    {
        _ = trusted;
        _value = value;
    }

    /// <summary>Creates a value, checking the range.</summary>
    /// <exception cref="OverflowException">Negative or at least 2^256.</exception>
    public UInt256(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new OverflowException($"{value} is outside the uint256 range [0, 2^256 - 1].");
        }

        _value = value;
    }

    /// <summary>Zero.</summary>
    public static UInt256 Zero => default;

    /// <summary>The value as a <see cref="BigInteger"/>.</summary>
    public BigInteger Value => _value;

    /// <summary>True for zero.</summary>
    public bool IsZero => _value.IsZero;

    /// <summary>Parses a decimal number or 0x-prefixed hex.</summary>
    /// <exception cref="ValueChainFormatException">Not a number, negative, or too large.</exception>
    public static UInt256 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        BigInteger value;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> digits = text.AsSpan(2);
            if (digits.IsEmpty || !BigInteger.TryParse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            {
                throw new ValueChainFormatException("uint256", text, "not a hexadecimal number");
            }
        }
        else if (text.Length == 0 || text.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0 || !BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            throw new ValueChainFormatException("uint256", text, "not a non-negative decimal number");
        }

        if (value.GetBitLength() > 256)
        {
            throw new ValueChainFormatException("uint256", text, "larger than 2^256 - 1");
        }

        return new UInt256(value, trusted: true);
    }

    /// <summary>Reads a big-endian unsigned number of at most 32 bytes.</summary>
    /// <exception cref="ValueChainFormatException">More than 32 bytes.</exception>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 32)
        {
            throw new ValueChainFormatException("uint256", Hex.Encode(bytes), $"at most 32 bytes, not {bytes.Length}");
        }

        return new UInt256(new BigInteger(bytes, isUnsigned: true, isBigEndian: true), trusted: true);
    }

    /// <summary>Writes the value as 32 big-endian bytes.</summary>
    public void WriteBigEndian(Span<byte> destination)
    {
        destination[..32].Clear();
        int length = _value.GetByteCount(isUnsigned: true);
        _value.TryWriteBytes(destination.Slice(32 - length, length), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The value as 32 big-endian bytes.</summary>
    public byte[] ToBigEndian()
    {
        var bytes = new byte[32];
        WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>Decimal text.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => _value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool Equals(UInt256 other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(UInt256 other) => _value.CompareTo(other._value);

    /// <summary>Converts from an unsigned 64-bit number.</summary>
    public static implicit operator UInt256(ulong value) => new(value, trusted: true);

    /// <summary>Converts to <see cref="BigInteger"/>.</summary>
    public static implicit operator BigInteger(UInt256 value) => value._value;

    /// <summary>Converts to <see cref="ulong"/>, throwing when it does not fit.</summary>
    /// <exception cref="OverflowException">The value exceeds <see cref="ulong.MaxValue"/>.</exception>
    public static explicit operator ulong(UInt256 value) => (ulong)value._value;

    /// <summary>Checked addition.</summary>
    /// <exception cref="OverflowException">The sum exceeds 2^256 − 1.</exception>
    public static UInt256 operator +(UInt256 left, UInt256 right) => new(left._value + right._value);

    /// <summary>Checked subtraction.</summary>
    /// <exception cref="OverflowException">The result would be negative.</exception>
    public static UInt256 operator -(UInt256 left, UInt256 right) => new(left._value - right._value);

    /// <summary>Checked multiplication.</summary>
    /// <exception cref="OverflowException">The product exceeds 2^256 − 1.</exception>
    public static UInt256 operator *(UInt256 left, UInt256 right) => new(left._value * right._value);

    /// <summary>Integer division, rounding down (as Solidity).</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static UInt256 operator /(UInt256 left, UInt256 right) => new(left._value / right._value, trusted: true);

    /// <summary>Remainder.</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static UInt256 operator %(UInt256 left, UInt256 right) => new(left._value % right._value, trusted: true);

    /// <summary>Compares values.</summary>
    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);

    /// <summary>Compares values.</summary>
    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);

    /// <summary>Compares values.</summary>
    public static bool operator <(UInt256 left, UInt256 right) => left._value < right._value;

    /// <summary>Compares values.</summary>
    public static bool operator >(UInt256 left, UInt256 right) => left._value > right._value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(UInt256 left, UInt256 right) => left._value <= right._value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(UInt256 left, UInt256 right) => left._value >= right._value;
}
