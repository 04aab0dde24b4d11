using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace ValueChain.Ledger.Fabric.Tests.PrivateData;

/// <summary>
/// A chaincode over <see cref="IPrivateDataContext"/> only, for the private-data tests: <c>put</c>, <c>get</c>,
/// <c>hash</c> (hex, or null), <c>delete</c> and <c>range</c> of a note in a named collection; <c>transient</c> answers
/// the invocation's transient data (name → UTF-8 text), and <c>putPrivate</c> puts a note whose <c>key</c> and
/// <c>value</c> are private arguments (<see cref="ChaincodeState.ParsePrivateArguments"/>).
/// Arguments: <c>{"collection":…, "key":…, "value":…, "start":…, "end":…}</c>.
/// </summary>
public sealed class PrivateNotesChaincode : IChaincode
{
    public string Name => "notes";

    public IReadOnlySet<string> Functions { get; } = new[] { "put", "get", "hash", "delete", "putThenGet", "range", "transient", "putPrivate" }.ToFrozenSet(StringComparer.Ordinal);

    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        IPrivateDataContext store = context as IPrivateDataContext ?? throw new ChaincodeException(ErrorCodes.Configuration, "This ledger has no private data.");
        if (functionName == "transient")
        {
            IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient = (context as ITransientDataContext)?.TransientData ?? new Dictionary<string, ReadOnlyMemory<byte>>();
            return JsonSerializer.Serialize(transient.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value.Span)));
        }

        if (functionName == "putPrivate")
        {
            Note note = new ChaincodeState(context).ParsePrivateArguments(argumentsJson, NotesJson.Default.Note, "orders", ["key", "value"]);
            await store.PutPrivateDataAsync(note.Collection, note.Key, Encoding.UTF8.GetBytes(note.Value), cancellationToken);
            return null;
        }

        JsonElement args = JsonDocument.Parse(argumentsJson).RootElement;
        string collection = args.GetProperty("collection").GetString()!;
        string Text(string name) => args.GetProperty(name).GetString()!;
        switch (functionName)
        {
            case "put":
                await store.PutPrivateDataAsync(collection, Text("key"), Encoding.UTF8.GetBytes(Text("value")), cancellationToken);
                return null;
            case "get":
                return Json(await store.GetPrivateDataAsync(collection, Text("key"), cancellationToken) is { } value ? Encoding.UTF8.GetString(value.Span) : null);
            case "hash":
                return Json(await store.GetPrivateDataHashAsync(collection, Text("key"), cancellationToken) is { } hash ? Convert.ToHexStringLower(hash.Span) : null);
            case "delete":
                await store.DeletePrivateDataAsync(collection, Text("key"), cancellationToken);
                return null;
            case "putThenGet":
                await store.PutPrivateDataAsync(collection, Text("key"), Encoding.UTF8.GetBytes(Text("value")), cancellationToken);
                string? own = await store.GetPrivateDataAsync(collection, Text("key"), cancellationToken) is { } written ? Encoding.UTF8.GetString(written.Span) : null;
                string? ownHash = await store.GetPrivateDataHashAsync(collection, Text("key"), cancellationToken) is { } h ? Convert.ToHexStringLower(h.Span) : null;
                return JsonSerializer.Serialize(new[] { own, ownHash });
            default:
                var entries = new List<string[]>();
                await foreach (StateEntry entry in store.GetPrivateDataByRangeAsync(collection, Text("start"), Text("end"), cancellationToken))
                {
                    entries.Add([entry.Key, Encoding.UTF8.GetString(entry.Value.Span)]);
                }

                return JsonSerializer.Serialize(entries);
        }
    }

    private static string Json(string? value) => JsonSerializer.Serialize(value);
}

/// <summary>The arguments of <c>putPrivate</c>.</summary>
internal sealed record Note(string Collection, string Key, string Value);

/// <summary>The JSON contract of <see cref="Note"/> (camelCase, as the SDK's chaincodes write theirs).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Note))]
internal sealed partial class NotesJson : System.Text.Json.Serialization.JsonSerializerContext;
