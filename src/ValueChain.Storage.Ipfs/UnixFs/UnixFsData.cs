using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>
/// The UnixFS Data message of a file node (Type, Data, filesize, blocksizes), written as the reference
/// importers write it: no Data field when the node holds no bytes, blocksizes unpacked.
/// </summary>
internal sealed record UnixFsData(ulong Type, ReadOnlyMemory<byte> Data, ulong? FileSize, IReadOnlyList<ulong> BlockSizes)
{
    internal const ulong RawType = 0;
    internal const ulong FileType = 2;

    internal static byte[] EncodeFile(ReadOnlySpan<byte> data, ulong fileSize, IReadOnlyList<ulong> blockSizes)
    {
        int length = 2 + 1 + Varint.Length(fileSize);
        if (data.Length > 0)
        {
            length += 1 + Varint.Length((ulong)data.Length) + data.Length;
        }

        foreach (ulong size in blockSizes)
        {
            length += 1 + Varint.Length(size);
        }

        var bytes = new byte[length];
        Span<byte> span = bytes;
        span[0] = 1 << 3;
        span[1] = (byte)FileType;
        int at = 2;
        if (data.Length > 0)
        {
            span[at++] = (2 << 3) | 2;
            at += Varint.Write(span[at..], (ulong)data.Length);
            data.CopyTo(span[at..]);
            at += data.Length;
        }

        span[at++] = 3 << 3;
        at += Varint.Write(span[at..], fileSize);
        foreach (ulong size in blockSizes)
        {
            span[at++] = 4 << 3;
            at += Varint.Write(span[at..], size);
        }

        return bytes;
    }

    /// <summary>Decodes the Data message of the dag-pb node <paramref name="cid"/>; the file bytes are a slice of <paramref name="block"/>, not a copy.</summary>
    internal static UnixFsData Decode(ReadOnlyMemory<byte> block, Cid cid)
    {
        ReadOnlySpan<byte> message = block.Span;
        ulong? type = null;
        ReadOnlyMemory<byte> data = ReadOnlyMemory<byte>.Empty;
        ulong? fileSize = null;
        var blockSizes = new List<ulong>();
        int at = 0;
        while (at < message.Length)
        {
            byte tag = message[at++];
            switch (tag)
            {
                case 1 << 3:
                    type = DagPbNode.ReadVarint(message, ref at, cid);
                    break;
                case (2 << 3) | 2:
                    int length = DagPbNode.ReadLengthDelimited(message, ref at, cid).Length;
                    data = block.Slice(at - length, length);
                    break;
                case 3 << 3:
                    fileSize = DagPbNode.ReadVarint(message, ref at, cid);
                    break;
                case 4 << 3:
                    blockSizes.Add(DagPbNode.ReadVarint(message, ref at, cid));
                    break;
                case (4 << 3) | 2:
                    ReadOnlySpan<byte> packed = DagPbNode.ReadLengthDelimited(message, ref at, cid);
                    for (int p = 0; p < packed.Length;)
                    {
                        blockSizes.Add(DagPbNode.ReadVarint(packed, ref p, cid));
                    }

                    break;
                case 5 << 3 or 6 << 3 or 7 << 3:
                    DagPbNode.ReadVarint(message, ref at, cid);
                    break;
                case (8 << 3) | 2:
                    DagPbNode.ReadLengthDelimited(message, ref at, cid);
                    break;
                default:
                    throw DagPbNode.Malformed(cid, $"unexpected UnixFS field tag 0x{tag:x2}");
            }
        }

        return type is { } t
            ? new UnixFsData(t, data, fileSize, blockSizes)
            : throw DagPbNode.Malformed(cid, "its UnixFS data has no Type");
    }
}
