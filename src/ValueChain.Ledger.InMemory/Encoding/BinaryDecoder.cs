using System.Buffers.Binary;
using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>Reads the encoding of <see cref="BinaryEncoder"/>; throws <see cref="InvalidDataException"/> on truncated input.</summary>
internal ref struct BinaryDecoder
{
    private ReadOnlySpan<byte> _rest;

    public BinaryDecoder(ReadOnlySpan<byte> data) => _rest = data;

    public readonly bool IsEmpty => _rest.IsEmpty;

    public byte Byte() => Take(1)[0];

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public long Int64() => unchecked((long)UInt64());

    public ReadOnlySpan<byte> Raw(int length) => Take(length);

    public byte[] Bytes() => Take(checked((int)UInt32())).ToArray();

    public string? String()
    {
        uint length = UInt32();
        return length == uint.MaxValue ? null : Encoding.UTF8.GetString(Take(checked((int)length)));
    }

    public string RequiredString() => String() ?? throw new InvalidDataException("A required string is missing.");

    public Hash32 Hash() => new(Take(32));

    public Address Address() => new(Take(20));

    public RecoverableSignature Signature() => new(Hash(), Hash(), Byte());

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _rest.Length)
        {
            throw new InvalidDataException($"The record is truncated: {length} bytes wanted, {_rest.Length} left.");
        }

        ReadOnlySpan<byte> taken = _rest[..length];
        _rest = _rest[length..];
        return taken;
    }
}
