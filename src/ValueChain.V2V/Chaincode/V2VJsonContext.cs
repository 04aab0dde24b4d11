using System.Text.Json.Serialization;

namespace ValueChain.V2V;

/// <summary>Source-generated JSON for the obstacle map's state, arguments and events.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CertifyArgs))]
[JsonSerializable(typeof(AnchorArgs))]
[JsonSerializable(typeof(BatchArgs))]
[JsonSerializable(typeof(BatchResult))]
[JsonSerializable(typeof(ObstacleIdArgs))]
[JsonSerializable(typeof(AddressArgs))]
[JsonSerializable(typeof(AddressListArgs))]
[JsonSerializable(typeof(DigestArgs))]
[JsonSerializable(typeof(PositionArgs))]
[JsonSerializable(typeof(AreaArgs))]
[JsonSerializable(typeof(PseudonymCertificate))]
[JsonSerializable(typeof(Reputation))]
[JsonSerializable(typeof(Obstacle))]
[JsonSerializable(typeof(List<Obstacle>))]
[JsonSerializable(typeof(ReportAnchor))]
[JsonSerializable(typeof(List<ReportAnchor>))]
[JsonSerializable(typeof(ReportBatch))]
[JsonSerializable(typeof(AnchorOutcome))]
[JsonSerializable(typeof(ObstacleConfirmation))]
[JsonSerializable(typeof(ObstacleClosure))]
internal sealed partial class V2VJsonContext : JsonSerializerContext;
