using System.Text.Json;

namespace ValueChain.Traceability;

/// <summary>
/// The JSON payloads of PartChain's events (<see cref="TraceabilityEvents"/>) exactly as the reference chaincode
/// emits them, for drivers that rebuild the events from their own records (the Ethereum adapter from logs),
/// so that readers of events (the ERP projection) work the same on every ledger.
/// </summary>
public static class TraceabilityEventPayloads
{
    private static readonly TraceabilityJsonContext Json = TraceabilityJsonContext.Default;

    /// <summary><see cref="TraceabilityEvents.PartsRegistered"/>: the registered parts.</summary>
    public static string PartsRegistered(IReadOnlyList<Part> parts) => JsonSerializer.Serialize([.. parts], Json.ListPart);

    /// <summary><see cref="TraceabilityEvents.PartsAssembled"/>: the assembly, its new components and where.</summary>
    public static string PartsAssembled(string assemblyId, IReadOnlyList<string> componentIds, Location location) =>
        JsonSerializer.Serialize(new AssembleArgs(assemblyId, componentIds, location), Json.AssembleArgs);

    /// <summary><see cref="TraceabilityEvents.PartScanned"/>: the part and where.</summary>
    public static string PartScanned(string partId, Location location) => JsonSerializer.Serialize(new ScanArgs(partId, location), Json.ScanArgs);

    /// <summary><see cref="TraceabilityEvents.BatchRecalled"/>.</summary>
    public static string BatchRecalled(BatchRecall recall) => JsonSerializer.Serialize(recall, Json.BatchRecall);

    /// <summary><see cref="TraceabilityEvents.PickedUp"/>, <see cref="TraceabilityEvents.DeliveryAccepted"/> and <see cref="TraceabilityEvents.OwnershipCorrected"/>.</summary>
    public static string CustodyMoved(CustodyMove move) => JsonSerializer.Serialize(move, Json.CustodyMove);

    /// <summary><see cref="TraceabilityEvents.OrderPlaced"/>, <see cref="TraceabilityEvents.OrderDeclined"/> and <see cref="TraceabilityEvents.DeliveryCreated"/>: the id.</summary>
    public static string Id(string id) => JsonSerializer.Serialize(new IdArgs(id), Json.IdArgs);

    /// <summary><see cref="TraceabilityEvents.HandoverRejected"/>.</summary>
    public static string HandoverRejected(HandoverRejection rejection) => JsonSerializer.Serialize(rejection, Json.HandoverRejection);

    /// <summary><see cref="TraceabilityEvents.ParticipantJoined"/> and <see cref="TraceabilityEvents.ParticipantRevoked"/>.</summary>
    public static string Participant(Participant participant) => JsonSerializer.Serialize(participant, Json.Participant);

    /// <summary><see cref="TraceabilityEvents.ParticipantInvited"/> and <see cref="TraceabilityEvents.InvitationApproved"/>.</summary>
    public static string Invitation(Invitation invitation) => JsonSerializer.Serialize(invitation, Json.Invitation);

    /// <summary><see cref="TraceabilityEvents.CorrectionProposed"/>.</summary>
    public static string CorrectionProposed(OwnershipCorrection correction) => JsonSerializer.Serialize(correction, Json.OwnershipCorrection);
}
