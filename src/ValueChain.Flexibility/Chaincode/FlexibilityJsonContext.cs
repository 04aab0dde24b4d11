using System.Text.Json.Serialization;

namespace ValueChain.Flexibility;

/// <summary>Source-generated JSON for the market's state, arguments and events.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MarketParticipant))]
[JsonSerializable(typeof(WhitelistedMeter))]
[JsonSerializable(typeof(ParticipantArgs))]
[JsonSerializable(typeof(AddressArgs))]
[JsonSerializable(typeof(MeterArgs))]
[JsonSerializable(typeof(AmountArgs))]
[JsonSerializable(typeof(ApproveArgs))]
[JsonSerializable(typeof(TransferFromArgs))]
[JsonSerializable(typeof(AllowanceArgs))]
[JsonSerializable(typeof(TransferEvent))]
[JsonSerializable(typeof(ApprovalEvent))]
[JsonSerializable(typeof(Balance))]
[JsonSerializable(typeof(FlexibilityOffer))]
[JsonSerializable(typeof(PaymentContract))]
[JsonSerializable(typeof(OfferRequest))]
[JsonSerializable(typeof(BidArgs))]
[JsonSerializable(typeof(OfferIdArgs))]
[JsonSerializable(typeof(CommittedOfferArgs))]
[JsonSerializable(typeof(CreateContractArgs))]
[JsonSerializable(typeof(OfferCreated))]
[JsonSerializable(typeof(MarketPhase))]
[JsonSerializable(typeof(PaymentRequestArgs))]
[JsonSerializable(typeof(PaymentResult))]
[JsonSerializable(typeof(PaymentRejection))]
[JsonSerializable(typeof(List<PaymentRejection>))]
internal sealed partial class FlexibilityJsonContext : JsonSerializerContext;
