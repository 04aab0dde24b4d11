using System.Text.Json;

namespace ValueChain.Flexibility;

/// <summary>
/// The JSON payloads of the flexibility chaincode's events (<see cref="FlexibilityEvents"/>) exactly as the chaincode
/// emits them, for drivers that rebuild the events from their own records (the Ethereum adapter from logs), so that
/// readers of events work the same on every ledger.
/// </summary>
public static class FlexibilityEventPayloads
{
    private static readonly FlexibilityJsonContext Json = FlexibilityJsonContext.Default;

    /// <summary><see cref="FlexibilityEvents.ParticipantAdded"/> and <see cref="FlexibilityEvents.ParticipantRemoved"/>.</summary>
    public static string Participant(MarketParticipant participant) => JsonSerializer.Serialize(participant, Json.MarketParticipant);

    /// <summary><see cref="FlexibilityEvents.MeterAdded"/> and <see cref="FlexibilityEvents.MeterRemoved"/>.</summary>
    public static string Meter(WhitelistedMeter meter) => JsonSerializer.Serialize(meter, Json.WhitelistedMeter);

    /// <summary><see cref="FlexibilityEvents.Transfer"/>.</summary>
    public static string Transfer(Address from, Address to, UInt256 value) => JsonSerializer.Serialize(new TransferEvent(from, to, value), Json.TransferEvent);

    /// <summary><see cref="FlexibilityEvents.Approval"/>.</summary>
    public static string Approval(Address owner, Address spender, UInt256 value) => JsonSerializer.Serialize(new ApprovalEvent(owner, spender, value), Json.ApprovalEvent);

    /// <summary><see cref="FlexibilityEvents.OfferMade"/>.</summary>
    public static string Offer(FlexibilityOffer offer) => JsonSerializer.Serialize(offer, Json.FlexibilityOffer);

    /// <summary><see cref="FlexibilityEvents.BidPlaced"/>.</summary>
    public static string Bid(long offerId, UInt256 price) => JsonSerializer.Serialize(new BidArgs(offerId, price), Json.BidArgs);

    /// <summary><see cref="FlexibilityEvents.OfferExpired"/>.</summary>
    public static string OfferId(long offerId) => JsonSerializer.Serialize(new OfferIdArgs(offerId), Json.OfferIdArgs);

    /// <summary><see cref="FlexibilityEvents.ContractCreated"/>, <see cref="FlexibilityEvents.PaymentMade"/> and <see cref="FlexibilityEvents.PenaltyEnforced"/>.</summary>
    public static string Contract(PaymentContract contract) => JsonSerializer.Serialize(contract, Json.PaymentContract);

    /// <summary><see cref="FlexibilityEvents.PaymentRejected"/>.</summary>
    public static string Rejection(PaymentRejection rejection) => JsonSerializer.Serialize(rejection, Json.PaymentRejection);
}
