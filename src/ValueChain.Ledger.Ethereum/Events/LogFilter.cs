namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Which logs a query or subscription wants: from <paramref name="Address"/> (any contract when null),
/// with <paramref name="Topics"/> by position (null at a position matches any topic).
/// </summary>
/// <param name="Address">The emitting contract, or null for any.</param>
/// <param name="Topics">The topics by position; null entries are wildcards.</param>
public sealed record LogFilter(Address? Address, IReadOnlyList<Hash32?> Topics)
{
    /// <summary>Every log of <paramref name="address"/>.</summary>
    public static LogFilter For(Address address) => new(address, []);

    /// <summary>The logs of <paramref name="abiEvent"/> from <paramref name="address"/>, optionally with indexed topics (null = any).</summary>
    public static LogFilter For(Address address, AbiEvent abiEvent, params Hash32?[] indexedTopics)
    {
        ArgumentNullException.ThrowIfNull(abiEvent);
        ArgumentNullException.ThrowIfNull(indexedTopics);
        return new(address, abiEvent.Anonymous ? indexedTopics : [abiEvent.Topic, .. indexedTopics]);
    }

    internal Dictionary<string, object?> ToJson(ulong fromBlock, ulong toBlock)
    {
        // Trailing wildcards are dropped: some nodes treat [.., null] differently from a shorter list.
        int used = Topics.Count;
        while (used > 0 && Topics[used - 1] is null)
        {
            used--;
        }

        return new()
        {
            ["address"] = Address?.ToLowerHex(),
            ["topics"] = Topics.Take(used).Select(t => t?.ToString()).ToArray(),
            ["fromBlock"] = Quantity.From(fromBlock),
            ["toBlock"] = Quantity.From(toBlock),
        };
    }
}
