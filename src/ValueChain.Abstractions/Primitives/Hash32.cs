using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace ValueChain;

/// <summary>
/// A 32-byte hash (Keccak-256 or SHA-256). A value type without allocation; compares by content;
/// formats as 0x-prefixed lower-case hex.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.Hash32JsonConverter))]
public readonly struct Hash32 : IEquatable<Hash32>, IComparable<Hash32>, ISpanFormattable
{
    /// <summary>The length in bytes.</summary>
    public const int Length = 32;

    // Stored big-endian as four words so that equality, ordering and hashing need no loop over bytes.
    private readonly ulong _w0, _w1, _w2, _w3;

    /// <summary>Creates a hash from exactly 32 bytes.</summary>
    /// <exception cref="ValueChainFormatException">The span is not 32 bytes long.</exception>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ValueChainFormatException("hash", Hex.Encode(bytes), $"a hash is {Length} bytes, not {bytes.Length}");
        }

        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The all-zero hash.</summary>
    public static Hash32 Zero => default;

    /// <summary>True when every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>Parses 64 hex digits, with or without <c>0x</c>.</summary>
    /// <exception cref="ValueChainFormatException">Not 32 bytes of hex.</exception>
    public static Hash32 Parse(string hex)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Hex.Decode(hex, bytes, "hash");
        return new Hash32(bytes);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Hash32 hash)
    {
        hash = default;
        Span<byte> bytes = stackalloc byte[Length];
        if (hex is null || Hex.StripPrefix(hex).Length != Length * 2 || Convert.FromHexString(Hex.StripPrefix(hex), bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        hash = new Hash32(bytes);
        return true;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <inheritdoc />
    public bool Equals(Hash32 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <inheritdoc />
    public int CompareTo(Hash32 other)
    {
        int c = _w0.CompareTo(other._w0);
        if (c == 0) c = _w1.CompareTo(other._w1);
        if (c == 0) c = _w2.CompareTo(other._w2);
        if (c == 0) c = _w3.CompareTo(other._w3);
        return c;
    }

    /// <summary>0x-prefixed lower-case hex.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        string text = ToString();
        charsWritten = 0;
        if (!text.AsSpan().TryCopyTo(destination))
        {
            return false;
        }

        charsWritten = text.Length;
        return true;
    }

    /// <summary>Compares by content.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Compares by content.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator <(Hash32 left, Hash32 right) => left.CompareTo(right) < 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator >(Hash32 left, Hash32 right) => left.CompareTo(right) > 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator <=(Hash32 left, Hash32 right) => left.CompareTo(right) <= 0;

    /// <summary>Orders as big-endian unsigned numbers.</summary>
    public static bool operator >=(Hash32 left, Hash32 right) => left.CompareTo(right) >= 0;
}
