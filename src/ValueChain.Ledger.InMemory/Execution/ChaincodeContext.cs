using System.Runtime.CompilerServices;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The context of one invocation: reads see the invocation's own writes over the state it runs on;
/// writes and events are collected and applied only if the invocation succeeds.
/// </summary>
internal sealed class ChaincodeContext : IChaincodeContext
{
    private readonly string _chaincode;
    private readonly IStateView _state;
    private readonly Func<string, IReadOnlyList<HistoryEntry>> _history;
    private readonly SortedDictionary<string, byte[]?> _writes = new(StringComparer.Ordinal);
    private readonly List<EventRecord> _events = [];

    public ChaincodeContext(string chaincode, Address caller, TxId transactionId, DateTimeOffset timestamp, bool isReadOnly, IStateView state, Func<string, IReadOnlyList<HistoryEntry>> history)
    {
        _chaincode = chaincode;
        Caller = caller;
        TransactionId = transactionId;
        Timestamp = timestamp;
        IsReadOnly = isReadOnly;
        _state = state;
        _history = history;
    }

    public Address Caller { get; }

    public TxId TransactionId { get; }

    public DateTimeOffset Timestamp { get; }

    public bool IsReadOnly { get; }

    public IReadOnlyList<EventRecord> Events => _events;

    /// <summary>The write set, ordered by stored key.</summary>
    public IReadOnlyList<StateWrite> Writes() => _writes.Select(w => new StateWrite(w.Key, w.Value)).ToList();

    public ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        string stored = StoredKey(key);
        byte[]? value = _writes.TryGetValue(stored, out byte[]? written) ? written : _state.Get(stored);
        // Not a plain cast: byte[] null converts to an empty ReadOnlyMemory, which is not "absent".
        return ValueTask.FromResult(value is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(value));
    }

    public ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        _writes[StoredKey(key)] = value.ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        _writes[StoredKey(key)] = null;
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        (string start, string end) = StateKeys.Range(_chaincode, startKey, endKey);

        // Merge the committed keys with this invocation's own writes, both in ordinal order.
        IEnumerable<string> own = _writes.Keys.Where(k => string.CompareOrdinal(k, start) >= 0 && string.CompareOrdinal(k, end) < 0).ToList();
        foreach (string key in MergeOrdered(_state.KeysInRange(start, end), own))
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? value = _writes.TryGetValue(key, out byte[]? written) ? written : _state.Get(key);
            if (value is not null)
            {
                yield return new StateEntry(StateKeys.Local(_chaincode, key), value);
            }
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (HistoryEntry entry in _history(StoredKey(key)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new KeyModification(entry.TransactionId, entry.Timestamp, entry.Value ?? ReadOnlyMemory<byte>.Empty, entry.Value is null);
        }

        await Task.CompletedTask;
    }

    public void EmitEvent(string name, string payloadJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(payloadJson);
        EnsureWritable();
        _events.Add(new EventRecord(_chaincode, name, payloadJson));
    }

    private string StoredKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return StateKeys.Stored(_chaincode, key);
    }

    private void EnsureWritable()
    {
        if (IsReadOnly)
        {
            throw new ChaincodeException(ErrorCodes.ReadOnly, "A query cannot write state or emit events; submit a transaction instead.");
        }
    }

    private static IEnumerable<string> MergeOrdered(IEnumerable<string> first, IEnumerable<string> second)
    {
        using IEnumerator<string> a = first.GetEnumerator(), b = second.GetEnumerator();
        bool hasA = a.MoveNext(), hasB = b.MoveNext();
        while (hasA || hasB)
        {
            int order = !hasA ? 1 : !hasB ? -1 : string.CompareOrdinal(a.Current, b.Current);
            yield return order <= 0 ? a.Current : b.Current;
            if (order <= 0) hasA = a.MoveNext();
            if (order >= 0) hasB = b.MoveNext();
        }
    }
}
