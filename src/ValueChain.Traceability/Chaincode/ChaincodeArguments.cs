namespace ValueChain.Traceability;

// The JSON arguments and results of the chaincode's functions. Internal: the port is the public API.
internal sealed record InviteArgs(Address Invitee, string Name, ParticipantRole Role, bool GrantAdmin);

internal sealed record AddressArgs(Address Address);

internal sealed record RegisterArgs(IReadOnlyList<PartRegistration> Parts, Location Location);

internal sealed record AssembleArgs(string AssemblyId, IReadOnlyList<string> ComponentIds, Location Location);

internal sealed record ScanArgs(string PartId, Location Location);

internal sealed record IdArgs(string Id);

internal sealed record PlaceOrderArgs(string OrderId, Address Supplier, string PartNumber, int Quantity, DateTimeOffset RequestedDeliveryDate);

internal sealed record CreateDeliveryArgs(string DeliveryId, string OrderId, Address Lsp, IReadOnlyList<string> PartIds);

internal sealed record HandoverArgs(string DeliveryId, IReadOnlyList<string> ScannedPartIds, Location Location);

internal sealed record CommandResult(HandoverRejection? Rejection);

internal sealed record StoredEvent(PartEventType Type, Address Actor, Location? Location, DateTimeOffset Time, TxId TransactionId, string? Related);

internal sealed record ProposeCorrectionArgs(string CorrectionId, string PartId, Address To, string Reason);

/// <summary>No arguments.</summary>
internal sealed record EmptyArgs;
