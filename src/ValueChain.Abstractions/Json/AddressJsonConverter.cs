using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Json;

/// <summary>Writes an <see cref="Address"/> as its EIP-55 string and reads any accepted form.</summary>
public sealed class AddressJsonConverter : JsonConverter<Address>
{
    /// <inheritdoc />
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Address.Parse(reader.GetString()!)
            : throw new JsonException($"An address must be a JSON string, not {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
