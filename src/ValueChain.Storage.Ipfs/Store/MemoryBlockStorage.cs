using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ValueChain.Storage.Ipfs.Store;

/// <summary>Blocks and pins in memory, for tests and short-lived processes.</summary>
internal sealed class MemoryBlockStorage : IBlockStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _blocks = new(StringComparer.Ordinal);
    private IReadOnlySet<string> _pins = new HashSet<string>(StringComparer.Ordinal);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_blocks.TryGetValue(key, out byte[]? block) ? (byte[])block.Clone() : null);

    public ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(_blocks.ContainsKey(key));

    public ValueTask<bool> PutAsync(string key, ReadOnlyMemory<byte> block, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_blocks.TryAdd(key, block.ToArray()));

    public ValueTask<long> DeleteAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_blocks.TryRemove(key, out byte[]? block) ? block.LongLength : -1L);

    public async IAsyncEnumerable<(string Key, long Size)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (KeyValuePair<string, byte[]> block in _blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (block.Key, block.Value.LongLength);
        }
    }

    public ValueTask<IReadOnlySet<string>> ReadPinsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_pins);

    public ValueTask WritePinsAsync(IReadOnlySet<string> pins, CancellationToken cancellationToken)
    {
        _pins = new HashSet<string>(pins, StringComparer.Ordinal);
        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces a stored block's bytes behind the store's back, for corruption tests.</summary>
    internal void Tamper(string key, byte[] bytes) => _blocks[key] = bytes;
}
