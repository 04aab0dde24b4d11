using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ValueChain;

/// <summary>
/// A 20-byte account address: the last 20 bytes of the Keccak-256 of an uncompressed secp256k1
/// public key, as on Ethereum. Formats with the EIP-55 checksum; parses hex with or without it.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.AddressJsonConverter))]
[System.ComponentModel.TypeConverter(typeof(AddressTypeConverter))]
public readonly struct Address : IEquatable<Address>, IComparable<Address>, ISpanFormattable
{
    /// <summary>The length in bytes.</summary>
    public const int Length = 20;

    // Big-endian words: equality and ordering without a byte loop, no allocation.
    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="ValueChainFormatException">The span is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ValueChainFormatException("address", Hex.Encode(bytes), $"an address is {Length} bytes, not {bytes.Length}");
        }

        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The zero address.</summary>
    public static Address Zero => default;

    /// <summary>True for the zero address.</summary>
    public bool IsZero => (_w0 | _w1 | _w2) == 0;

    /// <summary>
    /// Parses 40 hex digits, with or without <c>0x</c>. All-lower-case and all-upper-case text carries
    /// no checksum and is accepted; mixed case must be a correct EIP-55 checksum.
    /// </summary>
    /// <exception cref="ValueChainFormatException">Wrong length, a non-hex character, or a wrong checksum.</exception>
    public static Address Parse(string text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Hex.Decode(text, bytes, "address");
        var address = new Address(bytes);
        ReadOnlySpan<char> digits = Hex.StripPrefix(text);
        bool hasLower = digits.IndexOfAnyInRange('a', 'f') >= 0;
        bool hasUpper = digits.IndexOfAnyInRange('A', 'F') >= 0;
        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[Length * 2];
            address.WriteChecksummedDigits(expected);
            if (!digits.SequenceEqual(expected))
            {
                throw new ValueChainFormatException("address", text, $"the EIP-55 checksum is wrong (expected 0x{expected})");
            }
        }

        return address;
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        try
        {
            address = Parse(text);
            return true;
        }
        catch (ValueChainFormatException)
        {
            return false;
        }
    }

    /// <summary>Writes the 20 bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _w2);
    }

    /// <summary>The 20 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>0x-prefixed lower-case hex, without checksum (for keys and canonical JSON).</summary>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <summary>The EIP-55 checksummed form, 0x-prefixed.</summary>
    public override string ToString()
    {
        Span<char> digits = stackalloc char[Length * 2];
        WriteChecksummedDigits(digits);
        return string.Concat("0x", digits);
    }

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 2 + Length * 2)
        {
            return false;
        }

        destination[0] = '0';
        destination[1] = 'x';
        WriteChecksummedDigits(destination.Slice(2, Length * 2));
        charsWritten = 2 + Length * 2;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Address other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    /// <inheritdoc />
    public int CompareTo(Address other)
    {
        int c = _w0.CompareTo(other._w0);
        if (c == 0) c = _w1.CompareTo(other._w1);
        if (c == 0) c = _w2.CompareTo(other._w2);
        return c;
    }

    /// <summary>Compares by content.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Compares by content.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;

    // EIP-55: upper-case a letter when the matching nibble of Keccak-256(lower-case hex) is 8 or more.
    private void WriteChecksummedDigits(Span<char> digits)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Convert.TryToHexStringLower(bytes, digits, out _);
        Span<byte> ascii = stackalloc byte[Length * 2];
        Encoding.ASCII.GetBytes(digits, ascii);
        Span<byte> hash = stackalloc byte[Hash32.Length];
        Keccak256.Hash(ascii, hash);
        for (int i = 0; i < digits.Length; i++)
        {
            int nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            if (digits[i] >= 'a' && nibble >= 8)
            {
                digits[i] = char.ToUpperInvariant(digits[i]);
            }
        }
    }
}
