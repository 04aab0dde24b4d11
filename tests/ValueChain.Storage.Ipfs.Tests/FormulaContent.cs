using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>
/// The vectors' content, generated as a stream (never held whole in memory):
/// byte i = (i*a + b + (shift > 0 ? floor(i / 2^shift) : 0)) mod mod.
/// </summary>
internal sealed partial class FormulaContent(long size, long a, long b, int shift, long mod) : Stream
{
    private long _position;

    /// <summary>The content of a unixfs-profiles.json entry (its "content" object).</summary>
    internal static FormulaContent FromParameters(long size, JsonObject content) =>
        new(size, (long)content["a"]!, (long)content["b"]!, (int)content["shift"]!, (long)content["mod"]!);

    /// <summary>The content of a unixfs-cids.json entry, whose formula is text such as "byte i = (i*31+7) mod 251".</summary>
    internal static FormulaContent FromText(long size, string formula)
    {
        Match match = FormulaPattern().Match(formula);
        Assert.True(match.Success, $"Unrecognised content formula '{formula}'.");
        return new(size, long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value), 0, long.Parse(match.Groups[3].Value));
    }

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

    [GeneratedRegex(@"^byte i = \(i\*(\d+)\+(\d+)\) mod (\d+)$")]
    private static partial Regex FormulaPattern();
}
