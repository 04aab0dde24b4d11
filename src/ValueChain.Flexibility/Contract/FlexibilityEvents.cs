namespace ValueChain.Flexibility;

/// <summary>The names of the events the flexibility chaincode emits, for drivers that rebuild them (the Ethereum adapter).</summary>
public static class FlexibilityEvents
{
    /// <summary>A participant joined the whitelist (payload: the <see cref="MarketParticipant"/>).</summary>
    public const string ParticipantAdded = "ParticipantAdded";

    /// <summary>A participant left the whitelist (payload: the <see cref="MarketParticipant"/> as it was).</summary>
    public const string ParticipantRemoved = "ParticipantRemoved";

    /// <summary>A meter was whitelisted (payload: the <see cref="WhitelistedMeter"/>).</summary>
    public const string MeterAdded = "MeterAdded";

    /// <summary>A meter was removed (payload: the <see cref="WhitelistedMeter"/> as it was).</summary>
    public const string MeterRemoved = "MeterRemoved";

    /// <summary>Tokens moved (ERC-20 Transfer: from, to, value).</summary>
    public const string Transfer = "Transfer";

    /// <summary>An allowance was set (ERC-20 Approval: owner, spender, value).</summary>
    public const string Approval = "Approval";

    /// <summary>An offer was made (payload: the new <see cref="FlexibilityOffer"/>).</summary>
    public const string OfferMade = "OfferMade";

    /// <summary>A bid was placed (payload: offer id and price).</summary>
    public const string BidPlaced = "BidPlaced";

    /// <summary>An offer expired without a sale (payload: the offer id).</summary>
    public const string OfferExpired = "OfferExpired";

    /// <summary>A payment contract was created (payload: the new <see cref="PaymentContract"/>).</summary>
    public const string ContractCreated = "ContractCreated";

    /// <summary>A payment request was rejected and recorded (payload: the <see cref="PaymentRejection"/>).</summary>
    public const string PaymentRejected = "PaymentRejected";

    /// <summary>A payment request was paid (payload: the updated <see cref="PaymentContract"/>).</summary>
    public const string PaymentMade = "PaymentMade";

    /// <summary>The buyer took the penalty (payload: the settled <see cref="PaymentContract"/>).</summary>
    public const string PenaltyEnforced = "PenaltyEnforced";
}
