using System.Text;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.Car;

/// <summary>Writes CAR v1: a varint-framed dag-cbor header {roots, version: 1}, then varint-framed (CID, block) pairs.</summary>
internal static class CarWriter
{
    internal static async Task WriteHeaderAsync(Stream destination, IReadOnlyList<Cid> roots, CancellationToken cancellationToken)
    {
        using var header = new MemoryStream();
        // dag-cbor sorts map keys by length first: "roots" (5) before "version" (7).
        header.WriteByte(0xA2);
        WriteText(header, "roots");
        WriteHead(header, 4, (ulong)roots.Count);
        foreach (Cid root in roots)
        {
            header.WriteByte(0xD8);
            header.WriteByte(42);
            ReadOnlySpan<byte> bytes = root.Bytes;
            WriteHead(header, 2, (ulong)bytes.Length + 1);
            header.WriteByte(0);
            header.Write(bytes);
        }

        WriteText(header, "version");
        header.WriteByte(0x01);
        await WriteFrameAsync(destination, header.ToArray(), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
    }

    internal static Task WriteBlockAsync(Stream destination, Cid cid, ReadOnlyMemory<byte> block, CancellationToken cancellationToken) =>
        WriteFrameAsync(destination, cid.Bytes.ToArray(), block, cancellationToken);

    private static async Task WriteFrameAsync(Stream destination, byte[] first, ReadOnlyMemory<byte> second, CancellationToken cancellationToken)
    {
        var prefix = new byte[Varint.MaxLength + 1];
        int length = Varint.Write(prefix, (ulong)(first.Length + second.Length));
        await destination.WriteAsync(prefix.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(first, cancellationToken).ConfigureAwait(false);
        if (!second.IsEmpty)
        {
            await destination.WriteAsync(second, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteText(MemoryStream stream, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        WriteHead(stream, 3, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    /// <summary>A CBOR head in its shortest form, as dag-cbor requires.</summary>
    private static void WriteHead(MemoryStream stream, int major, ulong value)
    {
        int type = major << 5;
        if (value < 24)
        {
            stream.WriteByte((byte)(type | (int)value));
        }
        else if (value <= byte.MaxValue)
        {
            stream.WriteByte((byte)(type | 24));
            stream.WriteByte((byte)value);
        }
        else if (value <= ushort.MaxValue)
        {
            stream.WriteByte((byte)(type | 25));
            stream.WriteByte((byte)(value >> 8));
            stream.WriteByte((byte)value);
        }
        else
        {
            stream.WriteByte((byte)(type | 26));
            for (int shift = 24; shift >= 0; shift -= 8)
            {
                stream.WriteByte((byte)(value >> shift));
            }
        }
    }
}
