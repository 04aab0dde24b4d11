using System.Buffers.Binary;
using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// An order-independent digest of the whole world state: the sum modulo 2^256 of
/// Keccak-256(key ‖ value) over all entries. Updated in O(1) per write (subtract the old entry, add
/// the new), it lets every block header commit to the state and a replay prove it reached the same
/// state. It is a consistency check, not a proof structure: it cannot prove one key's value.
/// </summary>
internal struct StateHash
{
    private ulong _w0, _w1, _w2, _w3; // little-endian limbs: _w0 is least significant

    public void Add(string key, ReadOnlySpan<byte> value) => Apply(EntryHash(key, value), subtract: false);

    public void Remove(string key, ReadOnlySpan<byte> value) => Apply(EntryHash(key, value), subtract: true);

    public readonly Hash32 ToHash32()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _w3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _w0);
        return new Hash32(bytes);
    }

    private static Hash32 EntryHash(string key, ReadOnlySpan<byte> value)
    {
        var hasher = new Keccak256Hasher();
        Span<byte> length = stackalloc byte[4];
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        BinaryPrimitives.WriteInt32BigEndian(length, keyBytes.Length);
        hasher.Append(length);
        hasher.Append(keyBytes);
        hasher.Append(value);
        return hasher.GetHashAndReset();
    }

    private void Apply(Hash32 entry, bool subtract)
    {
        Span<byte> bytes = stackalloc byte[32];
        entry.WriteTo(bytes);
        ulong e3 = BinaryPrimitives.ReadUInt64BigEndian(bytes), e2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        ulong e1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]), e0 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
        if (subtract)
        {
            ulong borrow = 0;
            _w0 = Sub(_w0, e0, ref borrow);
            _w1 = Sub(_w1, e1, ref borrow);
            _w2 = Sub(_w2, e2, ref borrow);
            _w3 = Sub(_w3, e3, ref borrow);
        }
        else
        {
            ulong carry = 0;
            _w0 = Add(_w0, e0, ref carry);
            _w1 = Add(_w1, e1, ref carry);
            _w2 = Add(_w2, e2, ref carry);
            _w3 = Add(_w3, e3, ref carry);
        }
    }

    private static ulong Add(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b + carry;
        carry = (sum < a || (carry == 1 && sum == a)) ? 1UL : 0UL;
        return sum;
    }

    private static ulong Sub(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b - borrow;
        borrow = (a < b || (borrow == 1 && a == b)) ? 1UL : 0UL;
        return difference;
    }
}
