using System.Collections.Immutable;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The state of the block being built: starts from a committed snapshot, takes the write sets of
/// the block's successful transactions, and freezes into the next snapshot. Single-threaded.
/// </summary>
internal sealed class StateBuilder : IStateView
{
    private readonly ImmutableDictionary<string, byte[]>.Builder _values;
    private ImmutableSortedSet<string> _keys;
    private StateHash _hash;

    public StateBuilder(StateSnapshot snapshot)
    {
        _values = snapshot.Values.ToBuilder();
        _keys = snapshot.Keys;
        _hash = snapshot.Hash;
    }

    public byte[]? Get(string key) => _values.TryGetValue(key, out byte[]? value) ? value : null;

    public IEnumerable<string> KeysInRange(string start, string end) => StateSnapshot.SortedRange(_keys, start, end);

    public Hash32 CurrentHash => _hash.ToHash32();

    public StateBuilder Apply(IReadOnlyList<StateWrite> writes)
    {
        foreach (StateWrite write in writes)
        {
            bool existed = _values.TryGetValue(write.Key, out byte[]? old);
            if (existed)
            {
                _hash.Remove(write.Key, old);
            }

            if (write.Value is null)
            {
                if (existed)
                {
                    _values.Remove(write.Key);
                    _keys = _keys.Remove(write.Key);
                }
            }
            else
            {
                _values[write.Key] = write.Value;
                _hash.Add(write.Key, write.Value);
                if (!existed)
                {
                    _keys = _keys.Add(write.Key);
                }
            }
        }

        return this;
    }

    public StateSnapshot Freeze(long blockNumber) => new(_values.ToImmutable(), _keys, _hash, blockNumber);
}
