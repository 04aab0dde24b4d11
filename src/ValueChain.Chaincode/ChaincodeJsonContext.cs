using System.Text.Json.Serialization;

namespace ValueChain.Chaincode;

/// <summary>Source-generated JSON for the blocks' state and events: camelCase, enums as names, as the application chaincodes write theirs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenTransfer))]
[JsonSerializable(typeof(TokenApproval))]
[JsonSerializable(typeof(EscrowRecord))]
[JsonSerializable(typeof(ConsortiumMember))]
[JsonSerializable(typeof(ConsortiumInvitation))]
internal sealed partial class ChaincodeJsonContext : JsonSerializerContext;
