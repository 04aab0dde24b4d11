using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Json;

/// <summary>Writes a <see cref="UInt256"/> as a decimal string (JSON numbers lose precision past 2^53); reads a string or a number.</summary>
public sealed class UInt256JsonConverter : JsonConverter<UInt256>
{
    /// <inheritdoc />
    public override UInt256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => UInt256.Parse(reader.GetString()!),
        JsonTokenType.Number => UInt256.Parse(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
        _ => throw new JsonException($"A uint256 must be a JSON string or number, not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UInt256 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
