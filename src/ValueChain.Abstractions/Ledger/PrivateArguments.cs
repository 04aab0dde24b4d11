using System.Text;
using System.Text.Json;

namespace ValueChain.Ledger;

/// <summary>
/// Private arguments (<see cref="ContractInvocation.PrivateArguments"/>) outside the transaction: a ledger driver with
/// transient data moves the named top-level properties of an invocation's JSON arguments into one transient entry
/// each (the property name, its JSON value in UTF-8), and <see cref="ChaincodeState.ParsePrivateArguments"/> puts
/// them back before the chaincode reads its arguments.
/// </summary>
public static class PrivateArguments
{
    /// <summary>
    /// Splits <paramref name="argumentsJson"/>: the properties named in <paramref name="names"/> (those present)
    /// become transient entries, the others stay in the returned arguments.
    /// </summary>
    /// <exception cref="ChaincodeException">With <see cref="ErrorCodes.InvalidFormat"/>: names are given and the arguments are not a JSON object.</exception>
    public static (string ArgumentsJson, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Transient) Split(string argumentsJson, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(argumentsJson);
        ArgumentNullException.ThrowIfNull(names);
        var transient = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return (argumentsJson, transient);
        }

        using JsonDocument document = ParseObject(argumentsJson);
        var kept = new List<JsonProperty>();
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (names.Contains(property.Name))
            {
                transient[property.Name] = Encoding.UTF8.GetBytes(property.Value.GetRawText());
            }
            else
            {
                kept.Add(property);
            }
        }

        return (Write(kept.Select(p => (p.Name, p.Value))), transient);
    }

    /// <summary>
    /// Puts the transient entries named in <paramref name="names"/> back into <paramref name="argumentsJson"/>;
    /// other transient entries are not arguments and stay out.
    /// </summary>
    /// <exception cref="ChaincodeException">With <see cref="ErrorCodes.InvalidFormat"/>: the arguments are not a JSON object, a transient entry is not JSON, or a property is both an argument and a transient entry.</exception>
    public static string Merge(string argumentsJson, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(argumentsJson);
        ArgumentNullException.ThrowIfNull(transient);
        ArgumentNullException.ThrowIfNull(names);
        List<string> present = [.. names.Where(transient.ContainsKey)];
        if (present.Count == 0)
        {
            return argumentsJson;
        }

        using JsonDocument document = ParseObject(argumentsJson);
        var documents = new List<JsonDocument>();
        try
        {
            var properties = new List<(string Name, JsonElement Value)>();
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (present.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new ChaincodeException(ErrorCodes.InvalidFormat, $"'{property.Name}' is both an argument and a transient entry of the invocation; send it once.");
                }

                properties.Add((property.Name, property.Value));
            }

            foreach (string name in present)
            {
                JsonDocument value = ParseValue(name, transient[name]);
                documents.Add(value);
                properties.Add((name, value.RootElement));
            }

            return Write(properties);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>The names in <paramref name="names"/> that are top-level properties of <paramref name="argumentsJson"/> (none when it is not a JSON object).</summary>
    public static IReadOnlyList<string> PresentIn(string argumentsJson, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(argumentsJson);
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            using JsonDocument document = JsonDocument.Parse(argumentsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(p => p.Name).Where(names.Contains)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonDocument ParseObject(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Arguments with private properties must be a JSON object: {e.Message}");
        }

        JsonValueKind kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Arguments with private properties must be a JSON object, not {kind}.");
        }

        return document;
    }

    private static JsonDocument ParseValue(string name, ReadOnlyMemory<byte> value)
    {
        try
        {
            return JsonDocument.Parse(value);
        }
        catch (JsonException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The transient entry '{name}' is not a JSON value: {e.Message}");
        }
    }

    private static string Write(IEnumerable<(string Name, JsonElement Value)> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string name, JsonElement value) in properties)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
