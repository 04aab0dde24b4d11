namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>
/// The vectors' content, generated as a stream (never held whole in memory):
/// byte i = (i*a + b + (shift > 0 ? floor(i / 2^shift) : 0)) mod mod.
/// Shared (linked) by the test project and the crash host, so that both import the same bytes.
/// </summary>
internal sealed class FormulaContent(long size, long a, long b, int shift, long mod) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => size;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, size - _position);
        for (int j = 0; j < n; j++)
        {
            long i = _position + j;
            buffer[j] = (byte)(((i * a) + b + (shift > 0 ? i >> shift : 0)) % mod);
        }

        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
