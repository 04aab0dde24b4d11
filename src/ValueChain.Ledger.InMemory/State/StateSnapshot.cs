using System.Collections.Immutable;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The committed world state after one block: immutable, so readers use it without locks while the
/// next block is built. Values are found by hash; keys are also kept sorted for range reads.
/// </summary>
internal sealed class StateSnapshot : IStateView
{
    public static readonly StateSnapshot Empty = new(
        ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal),
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        default,
        -1);

    public StateSnapshot(ImmutableDictionary<string, byte[]> values, ImmutableSortedSet<string> keys, StateHash hash, long blockNumber)
    {
        Values = values;
        Keys = keys;
        Hash = hash;
        BlockNumber = blockNumber;
    }

    public ImmutableDictionary<string, byte[]> Values { get; }

    public ImmutableSortedSet<string> Keys { get; }

    public StateHash Hash { get; }

    /// <summary>The last block applied to this state (−1 before genesis).</summary>
    public long BlockNumber { get; }

    public byte[]? Get(string key) => Values.TryGetValue(key, out byte[]? value) ? value : null;

    /// <summary>The keys in [start, end) in ordinal order; an empty end means no upper bound.</summary>
    public IEnumerable<string> KeysInRange(string start, string end) => SortedRange(Keys, start, end);

    internal static IEnumerable<string> SortedRange(ImmutableSortedSet<string> keys, string start, string end)
    {
        int index = keys.IndexOf(start);
        for (int i = index >= 0 ? index : ~index; i < keys.Count; i++)
        {
            string key = keys[i];
            if (end.Length > 0 && string.CompareOrdinal(key, end) >= 0)
            {
                yield break;
            }

            yield return key;
        }
    }
}
