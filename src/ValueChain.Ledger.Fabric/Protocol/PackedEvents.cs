using System.Buffers;
using System.Text.Json;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>
/// Fabric keeps one chaincode event per transaction, and ValueChain chaincodes may emit several: the
/// host packs them, in order, into one event named <see cref="EventName"/> whose payload is a JSON
/// array of {"name", "payload"}; the client unpacks them. Payloads stay byte-for-byte as emitted.
/// </summary>
internal static class PackedEvents
{
    /// <summary>The name of the one Fabric event that carries a transaction's ValueChain events.</summary>
    public const string EventName = "valuechain.events";

    public static byte[] Pack(IReadOnlyList<(string Name, string PayloadJson)> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach ((string name, string payload) in events)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: false);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="ValueChainFormatException">The payload is not a packed event list.</exception>
    public static IReadOnlyList<(string Name, string PayloadJson)> Unpack(ReadOnlySpan<byte> payload)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload.ToArray());
            return document.RootElement.EnumerateArray()
                .Select(e => (e.GetProperty("name").GetString() ?? throw new FormatException("an event without a name"), e.GetProperty("payload").GetRawText()))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ValueChainFormatException("packed chaincode events", $"{payload.Length} bytes", e.Message);
        }
    }
}
