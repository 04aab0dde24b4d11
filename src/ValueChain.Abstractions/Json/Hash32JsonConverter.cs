using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Json;

/// <summary>Writes a <see cref="Hash32"/> as 0x-prefixed hex.</summary>
public sealed class Hash32JsonConverter : JsonConverter<Hash32>
{
    /// <inheritdoc />
    public override Hash32 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Hash32.Parse(reader.GetString()!)
            : throw new JsonException($"A hash must be a JSON string, not {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Hash32 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
