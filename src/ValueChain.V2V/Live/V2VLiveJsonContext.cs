using System.Text.Json.Serialization;

namespace ValueChain.V2V;

/// <summary>Source-generated JSON for the live feed's messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ObstacleFeedMessage))]
internal sealed partial class V2VLiveJsonContext : JsonSerializerContext;
