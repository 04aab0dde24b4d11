using System.Runtime.CompilerServices;
using Google.Protobuf;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>
/// <see cref="IChaincodeContext"/> over the shim conversation. Fabric's peer answers reads from
/// committed state only, so this context keeps the invocation's own writes and lays them over
/// every read and range, giving chaincodes the read-your-writes view the embedded ledger gives.
/// </summary>
internal sealed class ShimChaincodeContext : IChaincodeContext
{
    // Fabric's shims start an open range after the composite-key namespace (keys beginning with 0x00).
    private const string FirstSimpleKey = "\u0001";
    private readonly ShimSession _session;
    private readonly string _channel;
    private readonly string _transactionId;
    private readonly SortedDictionary<string, byte[]?> _writes = new(StringComparer.Ordinal);
    private readonly List<(string Name, string PayloadJson)> _events = [];

    public ShimChaincodeContext(ShimSession session, string channel, string transactionId, TransactionHeader header)
    {
        _session = session;
        _channel = channel;
        _transactionId = transactionId;
        Caller = header.Caller;
        Timestamp = header.Timestamp;
        TransactionId = TxId.Parse(transactionId);
    }

    public Address Caller { get; }

    public TxId TransactionId { get; }

    public DateTimeOffset Timestamp { get; }

    // A Fabric chaincode cannot tell a query from a submit: evaluation simply never orders the result.
    public bool IsReadOnly => false;

    public IReadOnlyList<(string Name, string PayloadJson)> Events => _events;

    public async ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        if (_writes.TryGetValue(key, out byte[]? written))
        {
            // Explicit: a null byte[] would otherwise convert to an empty (not absent) memory.
            return written is null ? (ReadOnlyMemory<byte>?)null : written;
        }

        ByteString value = await _session.RequestAsync(Type.GetState, new Protos.GetState { Key = key }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        return value.IsEmpty ? (ReadOnlyMemory<byte>?)null : value.Memory;
    }

    public async ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        if (value.IsEmpty)
        {
            // Fabric stores an empty value as a delete; refusing it keeps both ledgers alike.
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Key '{key}' cannot be written with an empty value on Fabric; delete it instead.");
        }

        await _session.RequestAsync(Type.PutState, new Protos.PutState { Key = key, Value = ByteString.CopyFrom(value.Span) }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        _writes[key] = value.ToArray();
    }

    public async ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        await _session.RequestAsync(Type.DelState, new Protos.DelState { Key = key }, _channel, _transactionId, cancellationToken).ConfigureAwait(false);
        _writes[key] = null;
    }

    public async IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        var own = _writes.Where(w => string.CompareOrdinal(w.Key, startKey) >= 0 && (endKey.Length == 0 || string.CompareOrdinal(w.Key, endKey) < 0)).ToList();
        int next = 0;
        var request = new Protos.GetStateByRange { StartKey = startKey.Length == 0 ? FirstSimpleKey : startKey, EndKey = endKey };
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

    private static void RequireKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key[0] == '\0')
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A Fabric state key must be non-empty and must not start with U+0000 (reserved for composite keys).");
        }
    }
}
