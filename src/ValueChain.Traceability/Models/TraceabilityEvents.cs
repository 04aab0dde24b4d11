namespace ValueChain.Traceability;

/// <summary>
/// The names of PartChain's ledger events and what their JSON payload is. Order and delivery
/// events carry only ids, because every participant receives every event; the details are behind
/// the caller-checked queries.
/// </summary>
public static class TraceabilityEvents
{
    /// <summary>An invitation was made (payload: <see cref="Invitation"/>).</summary>
    public const string ParticipantInvited = "ParticipantInvited";

    /// <summary>An invitation was approved (payload: <see cref="Invitation"/>).</summary>
    public const string InvitationApproved = "InvitationApproved";

    /// <summary>A participant joined (payload: <see cref="Participant"/>).</summary>
    public const string ParticipantJoined = "ParticipantJoined";

    /// <summary>A participant was revoked (payload: <see cref="Participant"/>).</summary>
    public const string ParticipantRevoked = "ParticipantRevoked";

    /// <summary>Parts were registered (payload: the new <see cref="Part"/> records, a JSON array).</summary>
    public const string PartsRegistered = "PartsRegistered";

    /// <summary>Components were assembled (payload: assembly id, component ids, location).</summary>
    public const string PartsAssembled = "PartsAssembled";

    /// <summary>A part was scanned (payload: part id, location).</summary>
    public const string PartScanned = "PartScanned";

    /// <summary>A batch was recalled (payload: <see cref="BatchRecall"/>).</summary>
    public const string BatchRecalled = "BatchRecalled";

    /// <summary>An order was placed (payload: its id).</summary>
    public const string OrderPlaced = "OrderPlaced";

    /// <summary>An order was declined (payload: its id).</summary>
    public const string OrderDeclined = "OrderDeclined";

    /// <summary>A delivery was created (payload: its id).</summary>
    public const string DeliveryCreated = "DeliveryCreated";

    /// <summary>A logistics provider picked up a delivery (payload: <see cref="CustodyMove"/>).</summary>
    public const string PickedUp = "PickedUp";

    /// <summary>A buyer accepted a delivery (payload: <see cref="CustodyMove"/>).</summary>
    public const string DeliveryAccepted = "DeliveryAccepted";

    /// <summary>An ownership correction was proposed or approved (payload: <see cref="OwnershipCorrection"/>).</summary>
    public const string CorrectionProposed = "CorrectionProposed";

    /// <summary>An approved correction moved custody (payload: <see cref="CustodyMove"/> with the correction id as delivery id).</summary>
    public const string OwnershipCorrected = "OwnershipCorrected";

    /// <summary>A handover was rejected (payload: <see cref="HandoverRejection"/>).</summary>
    public const string HandoverRejected = "HandoverRejected";
}
