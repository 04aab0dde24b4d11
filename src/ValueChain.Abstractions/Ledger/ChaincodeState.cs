using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ValueChain.Ledger;

/// <summary>
/// Typed JSON reads and writes of a chaincode's state through its <see cref="IChaincodeContext"/>,
/// with composite keys whose parts are joined by U+001F (which ids must not contain), so that prefix
/// ranges are exact. Chaincodes build their stores on it.
/// </summary>
public class ChaincodeState
{
    private const char Separator = '\u001f';

    /// <summary>Wraps <paramref name="context"/>.</summary>
    public ChaincodeState(IChaincodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>The invocation's context.</summary>
    public IChaincodeContext Context { get; }

    /// <summary>
    /// The state of the private data collection <paramref name="collection"/> when the ledger keeps private data and the
    /// chaincode's deployment declares that collection (<see cref="IPrivateDataContext"/>); otherwise this world state.
    /// The same typed reads and writes either way, so a chaincode's rules do not depend on the ledger: only where the
    /// values are kept, and who else holds them, does.
    /// </summary>
    public ChaincodeState Private(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return Context is IPrivateDataContext privateData && privateData.Collections.Contains(collection)
            ? new ChaincodeState(new CollectionContext(Context, privateData, collection))
            : this;
    }

    /// <summary>A composite key from its parts.</summary>
    public static string Key(params string[] parts) => string.Join(Separator, parts);

    /// <summary>The range [start, end) of every key that starts with these parts.</summary>
    public static (string Start, string End) Prefix(params string[] parts)
    {
        string start = Key(parts) + Separator;
        return (start, start[..^1] + (char)(Separator + 1));
    }

    /// <summary>The last part of a composite key.</summary>
    public static string LastPart(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[(key.LastIndexOf(Separator) + 1)..];
    }

    /// <summary>Reads a function's JSON arguments; malformed or null arguments are a <see cref="ChaincodeException"/> with <see cref="ErrorCodes.InvalidFormat"/>.</summary>
    public static T ParseArguments<T>(string json, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The arguments must be a {type.Type.Name} object, not null.");
        }
        catch (JsonException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The arguments are not a valid {type.Type.Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Reads a function's JSON arguments whose properties <paramref name="privateNames"/> are private: those sent as
    /// transient data (<see cref="ITransientDataContext"/>, see <see cref="ContractInvocation.PrivateArguments"/>) are
    /// put back first. Where the ledger has transient data and the deployment keeps <paramref name="collection"/> as a
    /// private data collection, the private properties must come that way: in the arguments they would be written into
    /// the transaction, which every organisation of the channel receives.
    /// </summary>
    /// <exception cref="ChaincodeException">With <see cref="ErrorCodes.InvalidFormat"/>: the arguments are malformed, a private property is sent twice, or it is in the arguments where it must be transient.</exception>
    public T ParsePrivateArguments<T>(string json, JsonTypeInfo<T> type, string collection, IReadOnlyCollection<string> privateNames)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(privateNames);
        if (Context is not ITransientDataContext transient)
        {
            return ParseArguments(json, type);
        }

        if (Context is IPrivateDataContext privateData && privateData.Collections.Contains(collection)
            && PrivateArguments.PresentIn(json, privateNames) is { Count: > 0 } exposed)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat,
                $"{string.Join(", ", exposed.Select(n => $"'{n}'"))} must be sent as transient data, not as arguments: they are kept in the private data collection '{collection}', and arguments are written into the transaction every organisation of the channel receives.");
        }

        return ParseArguments(PrivateArguments.Merge(json, transient.TransientData, privateNames), type);
    }

    /// <summary>The value at <paramref name="key"/>, or null.</summary>
    public async Task<T?> GetAsync<T>(string key, JsonTypeInfo<T> type) where T : class
    {
        ReadOnlyMemory<byte>? value = await Context.GetStateAsync(key);
        return value is null ? null : JsonSerializer.Deserialize(value.Value.Span, type);
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/>.</summary>
    public Task PutAsync<T>(string key, T value, JsonTypeInfo<T> type) =>
        Context.PutStateAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type)).AsTask();

    /// <summary>Writes a marker (for index keys whose presence is the information).</summary>
    public Task MarkAsync(string key) => Context.PutStateAsync(key, "1"u8.ToArray()).AsTask();

    /// <summary>Deletes <paramref name="key"/>.</summary>
    public Task DeleteAsync(string key) => Context.DeleteStateAsync(key).AsTask();

    /// <summary>True when <paramref name="key"/> has a value.</summary>
    public async Task<bool> ExistsAsync(string key) => await Context.GetStateAsync(key) is not null;

    /// <summary>The last key parts of every key under a prefix, in key order (for index scans).</summary>
    public async Task<List<string>> IdsUnderAsync(params string[] prefix)
    {
        (string start, string end) = Prefix(prefix);
        var ids = new List<string>();
        await foreach (StateEntry entry in Context.GetStateByRangeAsync(start, end))
        {
            ids.Add(LastPart(entry.Key));
        }

        return ids;
    }

    /// <summary>Every value under a prefix, in key order.</summary>
    public async Task<List<T>> ValuesUnderAsync<T>(JsonTypeInfo<T> type, params string[] prefix)
    {
        (string start, string end) = Prefix(prefix);
        var values = new List<T>();
        await foreach (StateEntry entry in Context.GetStateByRangeAsync(start, end))
        {
            values.Add(JsonSerializer.Deserialize(entry.Value.Span, type)!);
        }

        return values;
    }

    /// <summary>Emits an event with a JSON payload.</summary>
    public void Emit<T>(string name, T payload, JsonTypeInfo<T> type) => Context.EmitEvent(name, JsonSerializer.Serialize(payload, type));
}
