using System.Runtime.CompilerServices;
using System.Text;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.Car;

/// <summary>Reads CAR v1 strictly from a stream, one block at a time; errors name the archive's byte offset.</summary>
internal sealed class CarReader
{
    /// <summary>The largest frame accepted: a block of 2 MiB (the most any IPFS implementation exchanges) with its CID.</summary>
    private const ulong MaxFrame = (2 * 1024 * 1024) + 256;

    private readonly Stream _source;
    private long _offset;

    private CarReader(Stream source) => _source = source;

    /// <summary>The roots the header names.</summary>
    internal IReadOnlyList<Cid> Roots { get; private set; } = [];

    internal static async Task<CarReader> OpenAsync(Stream source, CancellationToken cancellationToken)
    {
        var reader = new CarReader(source);
        byte[] header = await reader.ReadFrameAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Malformed(0, "the archive is empty (no header)");
        reader.Roots = ParseHeader(header);
        return reader;
    }

    /// <summary>Every (CID, block) pair in order; the bytes are not verified here.</summary>
    internal async IAsyncEnumerable<(Cid Cid, byte[] Block)> ReadBlocksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            long at = _offset;
            byte[]? frame = await ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            if (frame is null)
            {
                yield break;
            }

            int cidLength = CidLength(frame, at);
            Cid cid;
            try
            {
                cid = Cid.FromBytes(frame.AsSpan(0, cidLength));
            }
            catch (ValueChainFormatException e)
            {
                throw Malformed(at, $"the block's CID is invalid ({e.Message})");
            }

            yield return (cid, frame[cidLength..]);
        }
    }

    private static int CidLength(byte[] frame, long at)
    {
        if (frame.Length >= 34 && frame[0] == (byte)MultihashCode.Sha256 && frame[1] == 32)
        {
            return 34;
        }

        int offset = 0;
        for (int field = 0; field < 4; field++)
        {
            int read = Varint.TryRead(frame.AsSpan(offset), out ulong value);
            if (read == 0)
            {
                throw Malformed(at, "a block's CID is truncated");
            }

            offset += read;
            if (field == 3)
            {
                if (value > (ulong)(frame.Length - offset))
                {
                    throw Malformed(at, "a block's CID digest runs past its frame");
                }

                offset += (int)value;
            }
        }

        return offset;
    }

    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        ulong length = 0;
        var one = new byte[1];
        for (int i = 0; ; i++)
        {
            int read = await _source.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return i == 0 ? null : throw Malformed(_offset, "the archive ends inside a frame length");
            }

            _offset++;
            if (i == Varint.MaxLength)
            {
                throw Malformed(_offset, "a frame length is too long");
            }

            length |= (ulong)(one[0] & 0x7F) << (7 * i);
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
        }

        if (length == 0 || length > MaxFrame)
        {
            throw Malformed(_offset, $"a frame of {length} bytes is not allowed (1 to {MaxFrame})");
        }

        var frame = new byte[length];
        int filled = 0;
        while (filled < frame.Length)
        {
            int read = await _source.ReadAsync(frame.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Malformed(_offset + filled, $"the archive ends inside a frame of {length} bytes");
            }

            filled += read;
        }

        _offset += filled;
        return frame;
    }

    private static List<Cid> ParseHeader(byte[] header)
    {
        int at = 0;
        object? value = ReadItem(header, ref at, 0);
        if (at != header.Length)
        {
            throw Malformed(0, "bytes follow the header's CBOR map");
        }

        if (value is not Dictionary<string, object?> map)
        {
            throw Malformed(0, "the header is not a CBOR map");
        }

        if (!map.TryGetValue("version", out object? version) || version is not ulong v || v != 1)
        {
            throw Malformed(0, $"the header's version is {version ?? "missing"}, not 1 (only CAR v1 is supported)");
        }

        if (!map.TryGetValue("roots", out object? roots) || roots is not List<object?> list || list.Any(r => r is not Cid))
        {
            throw Malformed(0, "the header's roots are missing or not a list of CIDs");
        }

        return list.Cast<Cid>().ToList();
    }

    /// <summary>Reads the subset of dag-cbor a CAR header uses: unsigned integers, strings, arrays, maps, and tag 42 CIDs.</summary>
    private static object? ReadItem(byte[] bytes, ref int at, int depth)
    {
        if (depth > 8 || at >= bytes.Length)
        {
            throw Malformed(at, "the header's CBOR is truncated or nested too deep");
        }

        int major = bytes[at] >> 5;
        ulong argument = ReadArgument(bytes, ref at);
        switch (major)
        {
            case 0:
                return argument;
            case 2:
            case 3:
                if (argument > (ulong)(bytes.Length - at))
                {
                    throw Malformed(at, "a header string runs past the header");
                }

                byte[] data = bytes.AsSpan(at, (int)argument).ToArray();
                at += (int)argument;
                return major == 3 ? Encoding.UTF8.GetString(data) : data;
            case 4:
                var list = new List<object?>();
                for (ulong i = 0; i < argument; i++)
                {
                    list.Add(ReadItem(bytes, ref at, depth + 1));
                }

                return list;
            case 5:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (ulong i = 0; i < argument; i++)
                {
                    if (ReadItem(bytes, ref at, depth + 1) is not string key || !map.TryAdd(key, ReadItem(bytes, ref at, depth + 1)))
                    {
                        throw Malformed(at, "a header map key is not a string or is repeated");
                    }
                }

                return map;
            case 6 when argument == 42:
                if (ReadItem(bytes, ref at, depth + 1) is not byte[] link || link.Length < 2 || link[0] != 0)
                {
                    throw Malformed(at, "a CID in the header is not a byte string with the 0x00 prefix");
                }

                try
                {
                    return Cid.FromBytes(link.AsSpan(1));
                }
                catch (ValueChainFormatException e)
                {
                    throw Malformed(at, $"a root CID is invalid ({e.Message})");
                }

            default:
                throw Malformed(at, $"CBOR major type {major} is not expected in a CAR header");
        }
    }

    private static ulong ReadArgument(byte[] bytes, ref int at)
    {
        int info = bytes[at++] & 0x1F;
        if (info < 24)
        {
            return (ulong)info;
        }

        int size = info switch { 24 => 1, 25 => 2, 26 => 4, 27 => 8, _ => throw Malformed(at, "an indefinite or reserved CBOR length") };
        if (at + size > bytes.Length)
        {
            throw Malformed(at, "the header's CBOR is truncated");
        }

        ulong value = 0;
        for (int i = 0; i < size; i++)
        {
            value = (value << 8) | bytes[at++];
        }

        return value;
    }

    private static ValueChainFormatException Malformed(long offset, string reason) =>
        new("CAR archive", $"byte {offset}", reason);
}
