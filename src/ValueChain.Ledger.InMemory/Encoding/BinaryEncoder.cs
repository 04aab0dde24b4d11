using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The ledger's canonical binary encoding: big-endian integers, length-prefixed UTF-8 strings and
/// byte strings. One encoding serves hashing, signing and the block file, so what is stored is
/// exactly what was hashed.
/// </summary>
internal sealed class BinaryEncoder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public BinaryEncoder Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public BinaryEncoder UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public BinaryEncoder UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public BinaryEncoder Int64(long value) => UInt64(unchecked((ulong)value));

    public BinaryEncoder Raw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    public BinaryEncoder Bytes(ReadOnlySpan<byte> bytes) => UInt32((uint)bytes.Length).Raw(bytes);

    public BinaryEncoder String(string? value)
    {
        if (value is null)
        {
            return UInt32(uint.MaxValue);
        }

        int length = Encoding.UTF8.GetByteCount(value);
        UInt32((uint)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
        return this;
    }

    public BinaryEncoder Hash(Hash32 value)
    {
        value.WriteTo(_buffer.GetSpan(32));
        _buffer.Advance(32);
        return this;
    }

    public BinaryEncoder Address(Address value)
    {
        value.WriteTo(_buffer.GetSpan(20));
        _buffer.Advance(20);
        return this;
    }

    public BinaryEncoder Signature(RecoverableSignature value) => Hash(value.R).Hash(value.S).Byte(value.V);

    public Hash32 Keccak() => Keccak256.Hash(_buffer.WrittenSpan);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Clear() => _buffer.Clear();
}
