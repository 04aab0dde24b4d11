using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Json;

/// <summary>Writes a <see cref="TxId"/> as 0x-prefixed hex.</summary>
public sealed class TxIdJsonConverter : JsonConverter<TxId>
{
    /// <inheritdoc />
    public override TxId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? TxId.Parse(reader.GetString()!)
            : throw new JsonException($"A transaction id must be a JSON string, not {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TxId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
