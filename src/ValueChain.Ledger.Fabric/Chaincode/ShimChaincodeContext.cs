using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>
/// <see cref="IChaincodeContext"/> over the shim conversation. Fabric's peer answers reads from
/// committed state only, so this context keeps the invocation's own writes and lays them over
/// every read and range, giving chaincodes the read-your-writes view the embedded ledger gives. Private data goes
/// through the same shim messages with their collection set (and GET_PRIVATE_DATA_HASH for hashes), with the same
/// overlay per collection; the proposal's transient map is the invocation's transient data.
/// </summary>
internal sealed class ShimChaincodeContext : IChaincodeContext, IPrivateDataContext, ITransientDataContext
{
    // World state is the collection named "" in the shim messages.
    private const string WorldState = "";

    // Fabric's shims start an open range after the composite-key namespace (keys beginning with 0x00).
    private const string FirstSimpleKey = "\u0001";
    private readonly ShimSession _session;
    private readonly string _channel;
    private readonly string _transactionId;
    private readonly Dictionary<string, SortedDictionary<string, byte[]?>> _writes = new(StringComparer.Ordinal);
    private readonly List<(string Name, string PayloadJson)> _events = [];

    public ShimChaincodeContext(ShimSession session, string channel, string transactionId, TransactionHeader header, IReadOnlySet<string> collections)
    {
        _session = session;
        Collections = collections;
        _channel = channel;
        _transactionId = transactionId;
        Caller = header.Caller;
        Timestamp = header.Timestamp;
        TransactionId = TxId.Parse(transactionId);
        TransientData = header.Transient;
    }

    public Address Caller { get; }

    public TxId TransactionId { get; }

    public DateTimeOffset Timestamp { get; }

    // A Fabric chaincode cannot tell a query from a submit: evaluation simply never orders the result.
    public bool IsReadOnly => false;

    public IReadOnlyList<(string Name, string PayloadJson)> Events => _events;

    public IReadOnlySet<string> Collections { get; }

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData { get; }

    public ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default) =>
        GetAsync(WorldState, key, cancellationToken);

    public ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        PutAsync(WorldState, key, value, cancellationToken);

    public ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default) =>
        DeleteAsync(WorldState, key, cancellationToken);

    public IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default) =>
        RangeAsync(WorldState, startKey, endKey, cancellationToken);

    public ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default) =>
        GetAsync(RequireCollection(collection), key, cancellationToken);

    public async ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        if (OwnWrites(RequireCollection(collection)).TryGetValue(key, out byte[]? written))
        {
            // The peer answers from committed hashes; the invocation's own write is hashed here, as it will be.
            return written is null ? (ReadOnlyMemory<byte>?)null : SHA256.HashData(written);
        }

        ByteString hash = await _session.RequestAsync(Type.GetPrivateDataHash, new Protos.GetState { Key = key, Collection = collection }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        return hash.IsEmpty ? (ReadOnlyMemory<byte>?)null : hash.Memory;
    }

    public ValueTask PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        PutAsync(RequireCollection(collection), key, value, cancellationToken);

    public ValueTask DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default) =>
        DeleteAsync(RequireCollection(collection), key, cancellationToken);

    public IAsyncEnumerable<StateEntry> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default) =>
        RangeAsync(RequireCollection(collection), startKey, endKey, cancellationToken);

    private async ValueTask<ReadOnlyMemory<byte>?> GetAsync(string collection, string key, CancellationToken cancellationToken)
    {
        RequireKey(key);
        if (OwnWrites(collection).TryGetValue(key, out byte[]? written))
        {
            // Explicit: a null byte[] would otherwise convert to an empty (not absent) memory.
            return written is null ? (ReadOnlyMemory<byte>?)null : written;
        }

        ByteString value = await _session.RequestAsync(Type.GetState, new Protos.GetState { Key = key, Collection = collection }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        return value.IsEmpty ? (ReadOnlyMemory<byte>?)null : value.Memory;
    }

    private async ValueTask PutAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        RequireKey(key);
        if (value.IsEmpty)
        {
            // Fabric stores an empty value as a delete; refusing it keeps both ledgers alike.
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Key '{key}' cannot be written with an empty value on Fabric; delete it instead.");
        }

        await _session.RequestAsync(Type.PutState, new Protos.PutState { Key = key, Value = ByteString.CopyFrom(value.Span), Collection = collection }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        OwnWrites(collection)[key] = value.ToArray();
    }

    private async ValueTask DeleteAsync(string collection, string key, CancellationToken cancellationToken)
    {
        RequireKey(key);
        await _session.RequestAsync(Type.DelState, new Protos.DelState { Key = key, Collection = collection }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        OwnWrites(collection)[key] = null;
    }

    private async IAsyncEnumerable<StateEntry> RangeAsync(string collection, string startKey, string endKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        var own = OwnWrites(collection).Where(w => string.CompareOrdinal(w.Key, startKey) >= 0 && (endKey.Length == 0 || string.CompareOrdinal(w.Key, endKey) < 0)).ToList();
        int next = 0;
        var request = new Protos.GetStateByRange { StartKey = startKey.Length == 0 ? FirstSimpleKey : startKey, EndKey = endKey, Collection = collection };
        await foreach (Queryresult.KV committed in QueryAsync(Type.GetStateByRange, request, Queryresult.KV.Parser, cancellationToken).ConfigureAwait(false))
        {
            for (; next < own.Count && string.CompareOrdinal(own[next].Key, committed.Key) < 0; next++)
            {
                if (own[next].Value is { } value)
                {
                    yield return new StateEntry(own[next].Key, value);
                }
            }

            if (next < own.Count && own[next].Key == committed.Key)
            {
                if (own[next].Value is { } value)
                {
                    yield return new StateEntry(committed.Key, value);
                }

                next++;
                continue;
            }

            yield return new StateEntry(committed.Key, committed.Value.Memory);
        }

        for (; next < own.Count; next++)
        {
            if (own[next].Value is { } value)
            {
                yield return new StateEntry(own[next].Key, value);
            }
        }
    }

    public async IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        var versions = new List<KeyModification>();
        await foreach (Queryresult.KeyModification version in QueryAsync(Type.GetHistoryForKey, new Protos.GetHistoryForKey { Key = key }, Queryresult.KeyModification.Parser, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(new KeyModification(TxId.Parse(version.TxId), version.Timestamp.ToDateTimeOffset(), version.Value.Memory, version.IsDelete));
        }

        // Fabric's history database answers newest first; the context promises oldest first.
        versions.Reverse();
        foreach (KeyModification version in versions)
        {
            yield return version;
        }
    }

    public void EmitEvent(string name, string payloadJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(payloadJson);
        _events.Add((name, payloadJson));
    }

    /// <summary>Reads a peer-side iterator page by page (QUERY_STATE_NEXT while it has more) and closes it.</summary>
    private async IAsyncEnumerable<T> QueryAsync<T>(Type type, IMessage request, MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        Protos.QueryResponse page = Protos.QueryResponse.Parser.ParseFrom(await _session.RequestAsync(type, request, _channel, _transactionId, cancellationToken).ConfigureAwait(false));
        try
        {
            while (true)
            {
                foreach (Protos.QueryResultBytes result in page.Results)
                {
                    yield return parser.ParseFrom(result.ResultBytes);
                }

                if (!page.HasMore)
                {
                    break;
                }

                page = Protos.QueryResponse.Parser.ParseFrom(await _session.RequestAsync(Type.QueryStateNext, new Protos.QueryStateNext { Id = page.Id }, _channel, _transactionId, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            if (page.Id.Length > 0)
            {
                await _session.RequestAsync(Type.QueryStateClose, new Protos.QueryStateClose { Id = page.Id }, _channel, _transactionId, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private SortedDictionary<string, byte[]?> OwnWrites(string collection)
    {
        if (!_writes.TryGetValue(collection, out SortedDictionary<string, byte[]?>? writes))
        {
            writes = new SortedDictionary<string, byte[]?>(StringComparer.Ordinal);
            _writes[collection] = writes;
        }

        return writes;
    }

    // A collection the deployment does not declare would fail at the peer with a message about its definition;
    // naming it here says what was wrong.
    private string RequireCollection(string collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return Collections.Contains(collection)
            ? collection
            : throw new ChaincodeException(ErrorCodes.Configuration, $"The chaincode's deployment declares no private data collection '{collection}' (it declares: {(Collections.Count == 0 ? "none" : string.Join(", ", Collections.Order(StringComparer.Ordinal)))}).");
    }

    private static void RequireKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key[0] == '\0')
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A Fabric state key must be non-empty and must not start with U+0000 (reserved for composite keys).");
        }
    }
}
