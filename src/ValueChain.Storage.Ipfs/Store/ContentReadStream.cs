namespace ValueChain.Storage.Ipfs.Store;

/// <summary>A read-only, forward-only stream over a file's verified chunks.</summary>
internal sealed class ContentReadStream : Stream
{
    private readonly IAsyncEnumerator<ReadOnlyMemory<byte>> _chunks;
    private ReadOnlyMemory<byte> _current;
    private long _position;
    private bool _ended;

    internal ContentReadStream(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, CancellationToken cancellationToken) =>
        _chunks = chunks.GetAsyncEnumerator(cancellationToken);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty && !_ended)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await _chunks.MoveNextAsync().ConfigureAwait(false))
            {
                _current = _chunks.Current;
            }
            else
            {
                _ended = true;
            }
        }

        int count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await _chunks.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
