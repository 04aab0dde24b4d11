using System.Security.Cryptography;
using ValueChain.Content;

namespace ValueChain.AppMarket;

/// <summary>
/// The warehouse of binaries, icons and screenshots over an <see cref="IContentStore"/>: a developer uploads a binary
/// and gets the reference its app record pins (CID, length, SHA-256); the IoT manager fetches a binary and gets it only
/// when it matches the record, so that a warehouse that was tampered with cannot deliver other bytes.
/// </summary>
public sealed class AppWarehouse
{
    private readonly IContentStore _store;

    /// <summary>Creates the warehouse over <paramref name="store"/>.</summary>
    public AppWarehouse(IContentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Stores <paramref name="binary"/> and returns its reference (the store's CID, the length and the SHA-256), read in one pass.</summary>
    public async Task<BinaryReference> UploadAsync(Stream binary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binary);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counting = new HashingStream(binary, sha);
        ContentId cid = await _store.AddFileAsync(counting, cancellationToken);
        return new BinaryReference(cid.Value, counting.BytesRead, new Hash32(sha.GetHashAndReset()));
    }

    /// <summary>Stores an icon or screenshot and returns its content id.</summary>
    public async Task<string> UploadImageAsync(Stream image, CancellationToken cancellationToken = default) =>
        (await _store.AddFileAsync(image, cancellationToken)).Value;

    /// <summary>The binary <paramref name="reference"/> names, verified against its length and SHA-256.</summary>
    /// <exception cref="BinaryMismatchException">The warehouse returned other bytes than the record pins.</exception>
    /// <exception cref="ContentNotFoundException">The warehouse does not have it.</exception>
    /// <exception cref="ContentCorruptedException">A block of it does not match its id.</exception>
    public async Task<byte[]> FetchVerifiedAsync(BinaryReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length > Array.MaxLength)
        {
            throw new BinaryMismatchException(reference, $"a length of {reference.Length} bytes is beyond what this process holds");
        }

        await using Stream stream = await _store.OpenFileAsync(new ContentId(reference.Cid), cancellationToken);
        using var buffer = new MemoryStream((int)reference.Length);

        // Read one byte past the record's length: a longer blob is refused without reading all of it.
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, reference.Length + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > reference.Length)
            {
                break;
            }
        }

        byte[] bytes = buffer.ToArray();
        BinaryVerifier.Verify(reference, bytes);
        return bytes;
    }

    // Passes reads through, hashing and counting what went by.
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken);
            return Count(buffer.Span[..read]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(ReadOnlySpan<byte> read)
        {
            hash.AppendData(read);
            BytesRead += read.Length;
            return read.Length;
        }
    }
}
