using System.Text;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>
/// The dag-pb codec (PBNode with PBLink), byte for byte as the reference encoders write it: links
/// first, then data; each link's Hash, Name (written even when empty) and Tsize in that order.
/// </summary>
internal sealed record DagPbNode(IReadOnlyList<DagPbLink> Links, ReadOnlyMemory<byte>? Data)
{
    private const byte LinksTag = (2 << 3) | 2;
    private const byte DataTag = (1 << 3) | 2;
    private const byte HashTag = (1 << 3) | 2;
    private const byte NameTag = (2 << 3) | 2;
    private const byte TsizeTag = 3 << 3;

    internal byte[] Encode()
    {
        var linkLengths = new int[Links.Count];
        int length = 0;
        for (int i = 0; i < Links.Count; i++)
        {
            linkLengths[i] = LinkLength(Links[i]);
            length += 1 + Varint.Length((ulong)linkLengths[i]) + linkLengths[i];
        }

        if (Data is { } data)
        {
            length += 1 + Varint.Length((ulong)data.Length) + data.Length;
        }

        var bytes = new byte[length];
        Span<byte> span = bytes;
        int at = 0;
        for (int i = 0; i < Links.Count; i++)
        {
            DagPbLink link = Links[i];
            span[at++] = LinksTag;
            at += Varint.Write(span[at..], (ulong)linkLengths[i]);
            ReadOnlySpan<byte> hash = link.Hash.Bytes;
            span[at++] = HashTag;
            at += Varint.Write(span[at..], (ulong)hash.Length);
            hash.CopyTo(span[at..]);
            at += hash.Length;
            span[at++] = NameTag;
            at += Varint.Write(span[at..], (ulong)Encoding.UTF8.GetByteCount(link.Name));
            at += Encoding.UTF8.GetBytes(link.Name, span[at..]);
            span[at++] = TsizeTag;
            at += Varint.Write(span[at..], link.TotalSize);
        }

        if (Data is { } payload)
        {
            span[at++] = DataTag;
            at += Varint.Write(span[at..], (ulong)payload.Length);
            payload.Span.CopyTo(span[at..]);
        }

        return bytes;
    }

    /// <summary>
    /// Decodes a dag-pb block strictly; <paramref name="cid"/> names it in errors. The data field is
    /// a slice of <paramref name="block"/>, not a copy: export reads every byte of a file through it.
    /// </summary>
    internal static DagPbNode Decode(ReadOnlyMemory<byte> block, Cid cid)
    {
        var links = new List<DagPbLink>();
        ReadOnlyMemory<byte>? data = null;
        ReadOnlySpan<byte> span = block.Span;
        int at = 0;
        while (at < span.Length)
        {
            byte tag = span[at++];
            ReadOnlySpan<byte> field = ReadLengthDelimited(span, ref at, cid);
            if (tag == LinksTag && data is null)
            {
                links.Add(DecodeLink(field, cid));
            }
            else if (tag == DataTag && data is null)
            {
                data = block.Slice(at - field.Length, field.Length);
            }
            else
            {
                throw Malformed(cid, $"unexpected field tag 0x{tag:x2} at byte {at} (a PBNode holds its links, then at most one data field)");
            }
        }

        return new DagPbNode(links, data);
    }

    private static int LinkLength(DagPbLink link)
    {
        int hash = link.Hash.Bytes.Length;
        int name = Encoding.UTF8.GetByteCount(link.Name);
        return 1 + Varint.Length((ulong)hash) + hash + 1 + Varint.Length((ulong)name) + name + 1 + Varint.Length(link.TotalSize);
    }

    private static DagPbLink DecodeLink(ReadOnlySpan<byte> link, Cid cid)
    {
        Cid? hash = null;
        string name = string.Empty;
        ulong size = 0;
        int at = 0;
        int lastField = 0;
        while (at < link.Length)
        {
            byte tag = link[at++];
            int field = tag >> 3;
            if (field <= lastField)
            {
                throw Malformed(cid, "a link's fields are out of order or repeated");
            }

            lastField = field;
            switch (tag)
            {
                case HashTag:
                    ReadOnlySpan<byte> bytes = ReadLengthDelimited(link, ref at, cid);
                    try
                    {
                        hash = Cid.FromBytes(bytes);
                    }
                    catch (ValueChainFormatException e)
                    {
                        throw Malformed(cid, $"a link holds an invalid CID ({e.Message})");
                    }

                    break;
                case NameTag:
                    name = Encoding.UTF8.GetString(ReadLengthDelimited(link, ref at, cid));
                    break;
                case TsizeTag:
                    size = ReadVarint(link, ref at, cid);
                    break;
                default:
                    throw Malformed(cid, $"unexpected link field tag 0x{tag:x2}");
            }
        }

        return hash is null ? throw Malformed(cid, "a link has no Hash") : new DagPbLink(hash, name, size);
    }

    internal static ulong ReadVarint(ReadOnlySpan<byte> source, ref int at, Cid cid)
    {
        int read = Varint.TryRead(source[at..], out ulong value);
        if (read == 0)
        {
            throw Malformed(cid, $"a varint at byte {at} is truncated or malformed");
        }

        at += read;
        return value;
    }

    internal static ReadOnlySpan<byte> ReadLengthDelimited(ReadOnlySpan<byte> source, ref int at, Cid cid)
    {
        ulong length = ReadVarint(source, ref at, cid);
        if (length > (ulong)(source.Length - at))
        {
            throw Malformed(cid, $"a field at byte {at} claims {length} bytes, beyond the end of the block");
        }

        ReadOnlySpan<byte> field = source.Slice(at, (int)length);
        at += (int)length;
        return field;
    }

    internal static ValueChainFormatException Malformed(Cid cid, string reason) =>
        new("dag-pb block", cid.ToString(), reason);
}
