using System.Text.Json.Serialization;

namespace ValueChain.Traceability;

/// <summary>Source-generated JSON for PartChain's state, arguments and events: enums as names, camelCase, deterministic.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Participant))]
[JsonSerializable(typeof(Invitation))]
[JsonSerializable(typeof(Part))]
[JsonSerializable(typeof(List<Part>))]
[JsonSerializable(typeof(PartEvent))]
[JsonSerializable(typeof(List<PartEvent>))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
[JsonSerializable(typeof(Delivery))]
[JsonSerializable(typeof(HandoverRejection))]
[JsonSerializable(typeof(List<HandoverRejection>))]
[JsonSerializable(typeof(AuthenticityReport))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(InviteArgs))]
[JsonSerializable(typeof(AddressArgs))]
[JsonSerializable(typeof(RegisterArgs))]
[JsonSerializable(typeof(AssembleArgs))]
[JsonSerializable(typeof(ScanArgs))]
[JsonSerializable(typeof(IdArgs))]
[JsonSerializable(typeof(PlaceOrderArgs))]
[JsonSerializable(typeof(CreateDeliveryArgs))]
[JsonSerializable(typeof(HandoverArgs))]
[JsonSerializable(typeof(CallerIdArgs))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(StoredEvent))]
[JsonSerializable(typeof(CustodyMove))]
[JsonSerializable(typeof(BatchRecall))]
internal sealed partial class PartChainJsonContext : JsonSerializerContext;
