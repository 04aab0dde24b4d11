using System.Globalization;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.Tests;
using ValueChain.Storage.Ipfs.UnixFs;

// Usage: CrashHost <store directory> <size> <chunk size> <max links>
// Imports the formula content (a=31, b=7, shift=0, mod=251) of <size> bytes as CIDv0 with dag-pb
// leaves into an embedded store on disk, printing "read <bytes>" after every read of the source and
// "root <cid>" at the end. The test kills it part-way. After each report it waits for the test's "next" on
// stdin until the test answers "free": a loaded machine that keeps the test from reading must not let the
// import run to its end before the kill (the reports fit in the pipe's buffer, so writing them never blocks).
long size = long.Parse(args[1], CultureInfo.InvariantCulture);
var profile = new UnixFsProfile(0, false, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
using EmbeddedContentStore store = EmbeddedContentStore.Open(args[0], profile);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var content = new FormulaContent(size, 31, 7, 0, 251);
bool free = false;
var reported = new ReportingStream(content, read =>
{
    output.WriteLine($"read {read}");
    free = free || Console.ReadLine() is "free" or null;
});
Console.WriteLine($"root {await store.AddFileAsync(reported)}");

/// <summary>Reports the bytes read so far after every read.</summary>
internal sealed class ReportingStream(Stream inner, Action<long> report) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        _read += read;
        report(_read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
