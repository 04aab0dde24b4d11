using System.Text.Json.Serialization;

namespace ValueChain.AppMarket;

/// <summary>Source-generated JSON for the MQTT delivery messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderMessage))]
[JsonSerializable(typeof(ChunkRequestMessage))]
[JsonSerializable(typeof(ReportMessage))]
internal sealed partial class AppMarketMqttJsonContext : JsonSerializerContext;
