using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ValueChain.Storage.Ipfs.Store;

/// <summary>
/// Blocks as files under a directory (blocks/&lt;2-character shard&gt;/&lt;CIDv1&gt;), pins in a text file.
/// Every write goes to a temporary file, is flushed to disk, then renamed into place, so a crash
/// mid-write leaves at most a stray temporary file (deleted on open), never a torn block under its name.
/// The directories that received blocks are flushed (fsync) before the pin file is replaced, and the
/// store's directory after, so that a pin that survives a power loss never names a block whose
/// directory entry did not.
/// </summary>
internal sealed class FileBlockStorage : IBlockStorage
{
    private readonly string _blocks;
    private readonly string _temp;
    private readonly string _pins;
    private readonly string _root;
    private readonly ConcurrentDictionary<string, bool> _unflushed = new(StringComparer.Ordinal);

    internal FileBlockStorage(string directory)
    {
        string root = Path.GetFullPath(directory);
        _root = root;
        _blocks = Path.Combine(root, "blocks");
        _temp = Path.Combine(root, "tmp");
        _pins = Path.Combine(root, "pins");
        Directory.CreateDirectory(_blocks);
        Directory.CreateDirectory(_temp);
        foreach (string stray in Directory.EnumerateFiles(_temp))
        {
            File.Delete(stray);
        }
    }

    /// <summary>The file that holds the block <paramref name="key"/>.</summary>
    internal string PathOf(string key) => Path.Combine(_blocks, key[^3..^1], key);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(File.Exists(PathOf(key)));

    public async ValueTask<bool> PutAsync(string key, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        if (File.Exists(path))
        {
            return false;
        }

        string shard = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(shard);
        string temp = await WriteTempAsync(block, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temp, path, overwrite: false);
            _unflushed[shard] = true;
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same block first; the bytes are the same by construction.
            File.Delete(temp);
            return false;
        }
    }

    public ValueTask<long> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        if (!file.Exists)
        {
            return ValueTask.FromResult(-1L);
        }

        long size = file.Length;
        file.Delete();
        return ValueTask.FromResult(size);
    }

    public async IAsyncEnumerable<(string Key, long Size)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (FileInfo file in new DirectoryInfo(_blocks).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (file.Name, file.Length);
        }
    }

    public async ValueTask<IReadOnlySet<string>> ReadPinsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_pins))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        string[] lines = await File.ReadAllLinesAsync(_pins, cancellationToken).ConfigureAwait(false);
        return lines.Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask WritePinsAsync(IReadOnlySet<string> pins, CancellationToken cancellationToken)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(string.Concat(pins.Order(StringComparer.Ordinal).Select(p => p + "\n")));
        // The blocks' names first, then the pins that need them: a pin never outlives its blocks on disk.
        foreach (string shard in _unflushed.Keys)
        {
            DirectorySync.Flush(shard);
            _unflushed.TryRemove(shard, out _);
        }

        DirectorySync.Flush(_blocks);
        string temp = await WriteTempAsync(text, cancellationToken).ConfigureAwait(false);
        File.Move(temp, _pins, overwrite: true);
        DirectorySync.Flush(_root);
    }

    private async Task<string> WriteTempAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        string temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            // fsync before the rename: the name must never point at bytes the disk does not hold yet.
            stream.Flush(flushToDisk: true);
        }

        return temp;
    }
}
