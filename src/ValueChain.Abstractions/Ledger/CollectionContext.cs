namespace ValueChain.Ledger;

/// <summary>
/// The context of an invocation with its state reads and writes sent to one private data collection: what
/// <see cref="ChaincodeState.Private"/> builds its store on. Identity, time and events are the invocation's own.
/// </summary>
internal sealed class CollectionContext(IChaincodeContext context, IPrivateDataContext privateData, string collection) : IChaincodeContext
{
    public Address Caller => context.Caller;

    public TxId TransactionId => context.TransactionId;

    public DateTimeOffset Timestamp => context.Timestamp;

    public bool IsReadOnly => context.IsReadOnly;

    public ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default) =>
        privateData.GetPrivateDataAsync(collection, key, cancellationToken);

    public ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        privateData.PutPrivateDataAsync(collection, key, value, cancellationToken);

    public ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default) =>
        privateData.DeletePrivateDataAsync(collection, key, cancellationToken);

    public IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default) =>
        privateData.GetPrivateDataByRangeAsync(collection, startKey, endKey, cancellationToken);

    // Fabric keeps no history of private data (only of the hashes, which say nothing of the values).
    public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default) =>
        throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Private data collection '{collection}' keeps no history of key '{key}'.");

    public void EmitEvent(string name, string payloadJson) => context.EmitEvent(name, payloadJson);
}
