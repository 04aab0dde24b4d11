using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The append-only block file. Each record is <c>"VCB1" ‖ length ‖ block ‖ Keccak-256(block)[0..8]</c>
/// and is flushed to disk before its block counts as committed. Only the last record can be torn by
/// a crash (nothing is written after an unflushed record), so a short or unchecked record at the end
/// is cut off on open; a bad record followed by more data is corruption and is refused. Records are
/// read where they lie (by offset) or streamed in order; the file is never read whole.
/// </summary>
internal sealed class BlockFile : IDisposable
{
    public const string FileName = "blocks.vcl";
    private static readonly byte[] Magic = "VCB1"u8.ToArray();
    private const int HeaderLength = 8, ChecksumLength = 8;

    private readonly FileStream _stream;
    private readonly SafeFileHandle _reader;

    private BlockFile(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
        _reader = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The length of the committed records.</summary>
    public long Length => _stream.Length;

    /// <summary>Opens (or creates) the file in <paramref name="directory"/> without reading it.</summary>
    public static BlockFile Open(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, FileName);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.None);
        try
        {
            return new BlockFile(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The path of the block file in <paramref name="directory"/>, which must exist.</summary>
    /// <exception cref="FileNotFoundException">There is no block file in <paramref name="directory"/>.</exception>
    public static string Existing(string directory)
    {
        string path = System.IO.Path.Combine(directory, FileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No embedded ledger in {directory}: {FileName} is missing.", path);
    }

    /// <summary>Cuts the file at <paramref name="length"/>: a torn tail that a crash left.</summary>
    public void Truncate(long length)
    {
        if (length < _stream.Length)
        {
            _stream.SetLength(length);
            _stream.Flush(flushToDisk: true);
        }

        _stream.Position = length;
    }

    /// <summary>Appends one block record, flushes it to disk and returns where it lies.</summary>
    public (long Offset, int Length) Append(ReadOnlySpan<byte> block)
    {
        byte[] record = new byte[HeaderLength + block.Length + ChecksumLength];
        Magic.CopyTo(record, 0);
        BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(4), block.Length);
        block.CopyTo(record.AsSpan(HeaderLength));
        Keccak256.Hash(block).ToArray().AsSpan(0, ChecksumLength).CopyTo(record.AsSpan(HeaderLength + block.Length));
        long offset = _stream.Position;
        _stream.Write(record);
        _stream.Flush(flushToDisk: true);
        return (offset, record.Length);
    }

    /// <summary>Reads the record at <paramref name="offset"/> (of <paramref name="length"/> bytes) and checks it; null when it does not check.</summary>
    public byte[]? TryRead(long offset, int length) => TryRead(_reader, offset, length);

    /// <summary>Streams the records from <paramref name="offset"/> on, the first being block <paramref name="firstIndex"/>.</summary>
    /// <exception cref="LedgerCorruptedException">A record other than the last one is damaged.</exception>
    public IEnumerable<BlockFileRecord> Scan(long offset, long firstIndex) => Scan(_reader, Path, offset, firstIndex);

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>Streams the records of the file at <paramref name="path"/> without changing it.</summary>
    /// <exception cref="LedgerCorruptedException">A record other than the last one is damaged.</exception>
    public static IEnumerable<BlockFileRecord> ScanFile(string path, long offset = 0, long firstIndex = 0)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        foreach (BlockFileRecord record in Scan(handle, path, offset, firstIndex))
        {
            yield return record;
        }
    }

    internal static byte[]? TryRead(SafeFileHandle handle, long offset, int length)
    {
        if (length < HeaderLength + ChecksumLength || offset < 0 || offset + length > RandomAccess.GetLength(handle))
        {
            return null;
        }

        byte[] record = new byte[length];
        RandomAccess.Read(handle, record, offset);
        return Check(record, out int recordLength) is { } payload && recordLength == length ? payload : null;
    }

    // Reads in large chunks; a record that spans chunks is read whole on its own.
    private static IEnumerable<BlockFileRecord> Scan(SafeFileHandle handle, string path, long offset, long firstIndex)
    {
        long end = RandomAccess.GetLength(handle);
        long index = firstIndex;
        byte[] header = new byte[HeaderLength];
        while (offset < end)
        {
            long rest = end - offset;

            // How far the record claims to reach: 0 without a valid header, past the end for a negative length.
            long recordLength = 0;
            if (rest >= HeaderLength)
            {
                RandomAccess.Read(handle, header, offset);
                int payloadLength = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
                recordLength = !header.AsSpan(0, 4).SequenceEqual(Magic) ? 0
                    : payloadLength < 0 ? rest
                    : (long)HeaderLength + payloadLength + ChecksumLength;
            }

            byte[]? payload = null;
            if (recordLength > 0 && recordLength <= rest)
            {
                byte[] record = new byte[recordLength];
                RandomAccess.Read(handle, record, offset);
                payload = Check(record, out _);
            }

            if (payload is null)
            {
                if (!IsTornTail(handle, offset, rest, recordLength))
                {
                    throw new LedgerCorruptedException(index, $"the record at byte {offset} of {path} is damaged and is not the last one");
                }

                // A torn tail: the crash happened while this record was written, before it was committed.
                yield break;
            }

            yield return new BlockFileRecord(index, offset, (int)recordLength, payload);
            offset += recordLength;
            index++;
        }
    }

    // A crash leaves at most the last record incomplete: a short header, a length reaching past the end,
    // a checksum that fails on a record ending at the end of the file, or zeros the file system filled in.
    private static bool IsTornTail(SafeFileHandle handle, long offset, long rest, long recordLength)
    {
        if (rest < HeaderLength || recordLength >= rest)
        {
            return true;
        }

        byte[] chunk = new byte[1 << 16];
        for (long at = offset; at < offset + rest; at += chunk.Length)
        {
            int read = RandomAccess.Read(handle, chunk, at);
            if (chunk.AsSpan(0, read).IndexOfAnyExcept((byte)0) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    // Returns the payload, or null when the record is incomplete or fails its checks.
    private static byte[]? Check(ReadOnlySpan<byte> data, out int recordLength)
    {
        recordLength = 0;
        if (data.Length < HeaderLength || !data[..4].SequenceEqual(Magic))
        {
            return null;
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        if (length < 0 || (long)HeaderLength + length + ChecksumLength > data.Length)
        {
            return null;
        }

        recordLength = HeaderLength + length + ChecksumLength;
        ReadOnlySpan<byte> payload = data.Slice(HeaderLength, length);
        Span<byte> checksum = stackalloc byte[32];
        Keccak256.Hash(payload, checksum);
        return checksum[..ChecksumLength].SequenceEqual(data.Slice(HeaderLength + length, ChecksumLength)) ? payload.ToArray() : null;
    }
}
