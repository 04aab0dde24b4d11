using System.Buffers.Binary;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The append-only block file. Each record is <c>"VCB1" ‖ length ‖ block ‖ Keccak-256(block)[0..8]</c>
/// and is flushed to disk before its block counts as committed. Only the last record can be torn by
/// a crash (nothing is written after an unflushed record), so a short or unchecked record at the end
/// is cut off on open; a bad record followed by more data is corruption and is refused.
/// </summary>
internal sealed class BlockFile : IDisposable
{
    public const string FileName = "blocks.vcl";
    private static readonly byte[] Magic = "VCB1"u8.ToArray();
    private const int HeaderLength = 8, ChecksumLength = 8;

    private readonly FileStream _stream;

    private BlockFile(FileStream stream) => _stream = stream;

    /// <summary>Opens (or creates) the file in <paramref name="directory"/> and reads its committed blocks.</summary>
    /// <exception cref="LedgerCorruptedException">A record other than the last one is damaged.</exception>
    public static (BlockFile File, List<byte[]> Records) Open(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.None);
        try
        {
            byte[] content = new byte[stream.Length];
            stream.ReadExactly(content);
            List<byte[]> records = ReadRecords(content, path, out long good);
            if (good < content.Length)
            {
                stream.SetLength(good);
                stream.Flush(flushToDisk: true);
            }

            stream.Position = good;
            return (new BlockFile(stream), records);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the committed records without changing the file (a torn tail is ignored, not cut).</summary>
    /// <exception cref="LedgerCorruptedException">A record other than the last one is damaged.</exception>
    /// <exception cref="FileNotFoundException">There is no block file in <paramref name="directory"/>.</exception>
    public static List<byte[]> ReadAll(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No embedded ledger in {directory}: {FileName} is missing.", path);
        }

        return ReadRecords(File.ReadAllBytes(path), path, out _);
    }

    /// <summary>Appends one block record and flushes it to disk.</summary>
    public void Append(ReadOnlySpan<byte> block)
    {
        byte[] record = new byte[HeaderLength + block.Length + ChecksumLength];
        Magic.CopyTo(record, 0);
        BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(4), block.Length);
        block.CopyTo(record.AsSpan(HeaderLength));
        Keccak256.Hash(block).ToArray().AsSpan(0, ChecksumLength).CopyTo(record.AsSpan(HeaderLength + block.Length));
        _stream.Write(record);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();

    private static List<byte[]> ReadRecords(byte[] content, string path, out long good)
    {
        var records = new List<byte[]>();
        good = 0;
        while (good < content.Length)
        {
            byte[]? record = TryRead(content.AsSpan((int)good), out int recordLength);
            if (record is null)
            {
                if (!IsTornTail(content.AsSpan((int)good), recordLength))
                {
                    throw new LedgerCorruptedException(records.Count, $"the record at byte {good} of {path} is damaged and is not the last one");
                }

                // A torn tail: the crash happened while this record was written, before it was committed.
                break;
            }

            records.Add(record);
            good += recordLength;
        }

        return records;
    }

    // A crash leaves at most the last record incomplete: a short header, a length reaching past the end,
    // a checksum that fails on a record ending at the end of the file, or zeros the file system filled in.
    private static bool IsTornTail(ReadOnlySpan<byte> rest, int recordLength) =>
        rest.Length < HeaderLength || recordLength >= rest.Length || rest.IndexOfAnyExcept((byte)0) < 0;

    // Returns the payload, or null when the record is incomplete or fails its checks; recordLength is
    // how far the record claims to reach (used to tell a torn tail from damage in the middle).
    private static byte[]? TryRead(ReadOnlySpan<byte> data, out int recordLength)
    {
        recordLength = 0;
        if (data.Length < HeaderLength || !data[..4].SequenceEqual(Magic))
        {
            return null;
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        if (length < 0 || (long)HeaderLength + length + ChecksumLength > data.Length)
        {
            recordLength = data.Length;
            return null;
        }

        recordLength = HeaderLength + length + ChecksumLength;
        ReadOnlySpan<byte> payload = data.Slice(HeaderLength, length);
        Span<byte> checksum = stackalloc byte[32];
        Keccak256.Hash(payload, checksum);
        return checksum[..ChecksumLength].SequenceEqual(data.Slice(HeaderLength + length, ChecksumLength)) ? payload.ToArray() : null;
    }
}
