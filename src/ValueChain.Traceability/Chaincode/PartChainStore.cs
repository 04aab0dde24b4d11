using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>Typed reads and writes of the chaincode's state through the ledger context.</summary>
internal sealed class PartChainStore(IChaincodeContext context)
{
    private static PartChainJsonContext Json => PartChainJsonContext.Default;

    public IChaincodeContext Context => context;

    public async Task<T?> GetAsync<T>(string key, JsonTypeInfo<T> type) where T : class
    {
        ReadOnlyMemory<byte>? value = await context.GetStateAsync(key);
        return value is null ? null : JsonSerializer.Deserialize(value.Value.Span, type);
    }

    public Task PutAsync<T>(string key, T value, JsonTypeInfo<T> type) =>
        context.PutStateAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type)).AsTask();

    public Task MarkAsync(string key) => context.PutStateAsync(key, "1"u8.ToArray()).AsTask();

    public Task DeleteAsync(string key) => context.DeleteStateAsync(key).AsTask();

    public async Task<bool> ExistsAsync(string key) => await context.GetStateAsync(key) is not null;

    /// <summary>The last key parts of every key under a prefix (for index scans).</summary>
    public async Task<List<string>> IdsUnderAsync(params string[] prefix)
    {
        (string start, string end) = PartChainKeys.Prefix(prefix);
        var ids = new List<string>();
        await foreach (StateEntry entry in context.GetStateByRangeAsync(start, end))
        {
            ids.Add(PartChainKeys.LastPart(entry.Key));
        }

        return ids;
    }

    /// <summary>Every value under a prefix, in key order.</summary>
    public async Task<List<T>> ValuesUnderAsync<T>(JsonTypeInfo<T> type, params string[] prefix)
    {
        (string start, string end) = PartChainKeys.Prefix(prefix);
        var values = new List<T>();
        await foreach (StateEntry entry in context.GetStateByRangeAsync(start, end))
        {
            values.Add(JsonSerializer.Deserialize(entry.Value.Span, type)!);
        }

        return values;
    }

    public Task<Part?> PartAsync(string id) => GetAsync(PartChainKeys.Part(id), Json.Part);

    public async Task SavePartAsync(Part part, Part? before)
    {
        await PutAsync(PartChainKeys.Part(part.PartId), part, Json.Part);
        if (before is not null && before.Owner != part.Owner)
        {
            await DeleteAsync(PartChainKeys.ByOwner(before.Owner, part.PartId));
        }

        if (before is null || before.Owner != part.Owner)
        {
            await MarkAsync(PartChainKeys.ByOwner(part.Owner, part.PartId));
        }
    }

    /// <summary>Appends an event to a part's history.</summary>
    public async Task AppendEventAsync(string partId, PartEventType type, Location? location, string? related)
    {
        string counter = PartChainKeys.EventCount(partId);
        ReadOnlyMemory<byte>? raw = await context.GetStateAsync(counter);
        int count = raw is null ? 0 : int.Parse(Encoding.UTF8.GetString(raw.Value.Span), CultureInfo.InvariantCulture);
        var stored = new StoredEvent(type, context.Caller, location, context.Timestamp, context.TransactionId, related);
        await PutAsync(PartChainKeys.Event(partId, count), stored, Json.StoredEvent);
        await context.PutStateAsync(counter, Encoding.UTF8.GetBytes((count + 1).ToString(CultureInfo.InvariantCulture)));
    }

    public void Emit<T>(string name, T payload, JsonTypeInfo<T> type) => context.EmitEvent(name, JsonSerializer.Serialize(payload, type));
}
