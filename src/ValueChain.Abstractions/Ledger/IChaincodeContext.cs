namespace ValueChain.Ledger;

/// <summary>
/// Everything a chaincode may see and do during one invocation. Reads see the invocation's own
/// writes; nothing becomes visible to others unless the invocation succeeds. Chaincodes must take
/// time, identity and randomness only from here, so that every peer computes the same result.
/// </summary>
public interface IChaincodeContext
{
    /// <summary>The address of the transaction's signer (recovered from its signature, never an argument).</summary>
    Address Caller { get; }

    /// <summary>The id of the transaction being executed.</summary>
    TxId TransactionId { get; }

    /// <summary>The ledger time of the transaction.</summary>
    DateTimeOffset Timestamp { get; }

    /// <summary>True when the invocation is a query: writes and events are refused.</summary>
    bool IsReadOnly { get; }

    /// <summary>The current value of <paramref name="key"/>, or null when absent.</summary>
    ValueTask<ReadOnlyMemory<byte>?> GetStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/>.</summary>
    ValueTask PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="key"/>; deleting an absent key is allowed.</summary>
    ValueTask DeleteStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The keys in [<paramref name="startKey"/>, <paramref name="endKey"/>) in ordinal order; an empty end means no upper bound.</summary>
    IAsyncEnumerable<StateEntry> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default);

    /// <summary>Every committed version of <paramref name="key"/>, oldest first.</summary>
    IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Emits an event that is delivered when the transaction commits.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="payloadJson">The payload as canonical JSON.</param>
    void EmitEvent(string name, string payloadJson);
}
