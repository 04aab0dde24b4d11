namespace ValueChain;

/// <summary>
/// Incremental Keccak-256: append pieces, then take the hash. Use it to hash concatenations without
/// building them first. Not thread-safe; reusable after <see cref="GetHashAndReset"/>.
/// </summary>
public sealed class Keccak256Hasher
{
    private readonly ulong[] _state = new ulong[25];
    private readonly byte[] _buffer = new byte[Keccak256.RateBytes];
    private int _buffered;

    /// <summary>Appends <paramref name="data"/> to the input.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_buffered > 0)
        {
            int take = Math.Min(data.Length, Keccak256.RateBytes - _buffered);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < Keccak256.RateBytes)
            {
                return;
            }

            Keccak256.Absorb(_state, _buffer);
            _buffered = 0;
        }

        while (data.Length >= Keccak256.RateBytes)
        {
            Keccak256.Absorb(_state, data[..Keccak256.RateBytes]);
            data = data[Keccak256.RateBytes..];
        }

        data.CopyTo(_buffer);
        _buffered = data.Length;
    }

    /// <summary>Returns the hash of everything appended since the last reset, and resets.</summary>
    public Hash32 GetHashAndReset()
    {
        Span<byte> digest = stackalloc byte[Hash32.Length];
        Keccak256.Finish(_state, _buffer, _buffered, digest);
        Array.Clear(_state);
        _buffered = 0;
        return new Hash32(digest);
    }
}
