namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>Unsigned LEB128 varints as multiformats use them: at most 9 bytes, minimally encoded.</summary>
internal static class Varint
{
    internal const int MaxLength = 9;

    internal static int Length(ulong value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    internal static int Write(Span<byte> destination, ulong value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    internal static void Write(Stream destination, ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        destination.Write(buffer[..Write(buffer, value)]);
    }

    /// <summary>Reads a varint; returns the bytes consumed, or 0 when truncated, too long or not minimal.</summary>
    internal static int TryRead(ReadOnlySpan<byte> source, out ulong value, int maxLength = MaxLength)
    {
        value = 0;
        int limit = Math.Min(source.Length, maxLength);
        for (int i = 0; i < limit; i++)
        {
            byte b = source[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                // A trailing zero byte means a longer-than-needed encoding, which multiformats forbid.
                return i > 0 && b == 0 ? 0 : i + 1;
            }
        }

        return 0;
    }
}
