using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace ValueChain.Ledger.Fabric.Tests.PrivateData;

/// <summary>
/// Gives a chaincode on the embedded ledger (which has no private data) the private-data facet of a Fabric peer
/// that is a member of every declared collection: each invocation's context also implements
/// <see cref="IPrivateDataContext"/> over a store of this wrapper, whose writes are kept only when the invocation
/// succeeds. Records which keys went to world state and which to collections, for the tests to check.
/// </summary>
internal sealed class CollectionsChaincode(IChaincode inner, params string[] collections) : IChaincode
{
    private readonly ConcurrentDictionary<(string Collection, string Key), byte[]> _store = new();
    private readonly FrozenSet<string> _collections = collections.ToFrozenSet(StringComparer.Ordinal);

    public string Name => inner.Name;

    public IReadOnlySet<string> Functions => inner.Functions;

    /// <summary>Every key written to world state, by any invocation that succeeded or not.</summary>
    public ConcurrentBag<string> WorldStateWrites { get; } = [];

    /// <summary>The committed private data.</summary>
    public IReadOnlyDictionary<(string Collection, string Key), byte[]> Private => _store;

    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        var invocation = new Context(context, this);
        string? result = await inner.InvokeAsync(invocation, functionName, argumentsJson, cancellationToken);
        foreach (((string Collection, string Key) key, byte[]? value) in invocation.Writes)
        {
            if (value is null)
            {
                _store.TryRemove(key, out _);
            }
            else
            {
                _store[key] = value;
            }
        }

        return result;
    }

    private sealed class Context(IChaincodeContext world, CollectionsChaincode owner) : IChaincodeContext, IPrivateDataContext
    {
        public Dictionary<(string Collection, string Key), byte[]?> Writes { get; } = [];

        public Address Caller => world.Caller;

        public TxId TransactionId => world.TransactionId;

        public DateTimeOffset Timestamp => world.Timestamp;

        public bool IsReadOnly => world.IsReadOnly;

        public IReadOnlySet<string> Collections => owner._collections;

        public ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default) => world.GetStateAsync(key, cancellationToken);

        public ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
        {
            owner.WorldStateWrites.Add(key);
            return world.PutStateAsync(key, value, cancellationToken);
        }

        public ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default) => world.DeleteStateAsync(key, cancellationToken);

        public IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default) => world.GetStateByRangeAsync(startKey, endKey, cancellationToken);

        public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default) => world.GetHistoryForKeyAsync(key, cancellationToken);

        public void EmitEvent(string name, string payloadJson) => world.EmitEvent(name, payloadJson);

        public ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(collection, key) is { } value ? (ReadOnlyMemory<byte>?)value : null);

        public ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(collection, key) is { } value ? (ReadOnlyMemory<byte>?)SHA256.HashData(value) : null);

        public ValueTask PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
        {
            Writes[(Declared(collection), key)] = value.ToArray();
            return ValueTask.CompletedTask;
        }

        public ValueTask DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
        {
            Writes[(Declared(collection), key)] = null;
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<StateEntry> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            IEnumerable<string> keys = owner._store.Keys.Concat(Writes.Keys).Where(k => k.Collection == Declared(collection)).Select(k => k.Key).Distinct()
                .Where(k => string.CompareOrdinal(k, startKey) >= 0 && (endKey.Length == 0 || string.CompareOrdinal(k, endKey) < 0))
                .Order(StringComparer.Ordinal);
            foreach (string key in keys)
            {
                if (Read(collection, key) is { } value)
                {
                    yield return new StateEntry(key, value);
                }
            }
        }

        private byte[]? Read(string collection, string key) =>
            Writes.TryGetValue((Declared(collection), key), out byte[]? written) ? written : owner._store.GetValueOrDefault((collection, key));

        private string Declared(string collection) =>
            owner._collections.Contains(collection) ? collection : throw new ChaincodeException(ErrorCodes.Configuration, $"No collection '{collection}'.");
    }
}
