namespace ValueChain.Ledger;

/// <summary>
/// Private data on a ledger that has it (Fabric's private data collections): an <see cref="IChaincodeContext"/>
/// that also implements this interface lets a chaincode keep values in a collection, which only the peers of the
/// collection's member organisations store, while every peer of the channel holds the SHA-256 hash of each value.
/// A ledger without private data does not implement it, and chaincodes keep the same values in world state: who may
/// read them is the chaincode's rule on every ledger.
/// </summary>
public interface IPrivateDataContext
{
    /// <summary>The collections the chaincode's deployment declares (empty when it declares none).</summary>
    IReadOnlySet<string> Collections { get; }

    /// <summary>The current value of <paramref name="key"/> in <paramref name="collection"/>, or null when absent.</summary>
    ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>The SHA-256 hash of the value of <paramref name="key"/> in <paramref name="collection"/>, or null when absent; readable on every peer.</summary>
    ValueTask<ReadOnlyMemory<byte>?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/> in <paramref name="collection"/>.</summary>
    ValueTask PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="key"/> from <paramref name="collection"/>; deleting an absent key is allowed.</summary>
    ValueTask DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>The keys of <paramref name="collection"/> in [<paramref name="startKey"/>, <paramref name="endKey"/>) in ordinal order; an empty end means no upper bound.</summary>
    IAsyncEnumerable<StateEntry> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default);
}
