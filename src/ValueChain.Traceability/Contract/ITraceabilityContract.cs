namespace ValueChain.Traceability;

/// <summary>
/// The on-ledger operations of PartChain. Commands are signed by the acting participant and return a
/// <see cref="TraceabilityReceipt"/>; a failed handover is not an exception but a recorded
/// <see cref="HandoverRejection"/> in the receipt. Invalid calls (unknown caller, wrong role, revoked
/// participant, malformed input, unknown part) throw a <see cref="ChaincodeException"/> with a stable
/// code and change nothing. Queries that take a <c>reader</c> are signed by it and apply the
/// confidentiality rules to the address the ledger recovers from that signature.
/// </summary>
public interface ITraceabilityContract
{
    /// <summary>Invites a participant (admin only); the inviter's approval counts as the first.</summary>
    Task<TraceabilityReceipt> InviteAsync(ISigner admin, Address invitee, string name, ParticipantRole role, bool grantAdmin = false, CancellationToken cancellationToken = default);

    /// <summary>Approves a pending invitation (admin only, once per admin); enough approvals make the invitee a participant.</summary>
    Task<TraceabilityReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default);

    /// <summary>Revokes a participant (admin only); its past records stay.</summary>
    Task<TraceabilityReceipt> RevokeAsync(ISigner admin, Address participant, CancellationToken cancellationToken = default);

    /// <summary>Registers parts in one transaction (OEMs and suppliers); the caller becomes manufacturer and owner.</summary>
    Task<TraceabilityReceipt> RegisterPartsAsync(ISigner manufacturer, IReadOnlyList<PartRegistration> parts, Location location, CancellationToken cancellationToken = default);

    /// <summary>Adds components the caller owns to an assembly the caller owns; the components become installed.</summary>
    Task<TraceabilityReceipt> AssembleAsync(ISigner owner, string assemblyId, IReadOnlyList<string> componentIds, Location location, CancellationToken cancellationToken = default);

    /// <summary>Records a scan of a part by any participant.</summary>
    Task<TraceabilityReceipt> ScanAsync(ISigner participant, string partId, Location location, CancellationToken cancellationToken = default);

    /// <summary>Marks every part of a batch that the caller manufactured as recalled.</summary>
    Task<TraceabilityReceipt> RecallBatchAsync(ISigner manufacturer, string batchNumber, CancellationToken cancellationToken = default);

    /// <summary>Places an order (OEMs and suppliers) with a supplier.</summary>
    Task<TraceabilityReceipt> PlaceOrderAsync(ISigner buyer, string orderId, Address supplier, string partNumber, int quantity, DateTimeOffset requestedDeliveryDate, CancellationToken cancellationToken = default);

    /// <summary>Declines an open order (its supplier only).</summary>
    Task<TraceabilityReceipt> DeclineOrderAsync(ISigner supplier, string orderId, CancellationToken cancellationToken = default);

    /// <summary>Creates the delivery of an order (its supplier only) with the exact parts and a registered logistics provider.</summary>
    Task<TraceabilityReceipt> CreateDeliveryAsync(ISigner supplier, string deliveryId, string orderId, Address lsp, IReadOnlyList<string> partIds, CancellationToken cancellationToken = default);

    /// <summary>The logistics provider's pick-up scan: moves custody supplier → LSP, or records a rejection.</summary>
    Task<TraceabilityReceipt> PickUpAsync(ISigner lsp, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default);

    /// <summary>The buyer's receipt scan: moves custody LSP → buyer and fulfils the order, or records a rejection.</summary>
    Task<TraceabilityReceipt> AcceptDeliveryAsync(ISigner buyer, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default);

    /// <summary>Proposes moving a part's custody outside any order (admin only); it applies once enough distinct admins approve.</summary>
    Task<TraceabilityReceipt> ProposeCorrectionAsync(ISigner admin, string correctionId, string partId, Address newHolder, string reason, CancellationToken cancellationToken = default);

    /// <summary>Approves a pending correction (admin only, once per admin).</summary>
    Task<TraceabilityReceipt> ApproveCorrectionAsync(ISigner admin, string correctionId, CancellationToken cancellationToken = default);

    /// <summary>A correction, or null.</summary>
    Task<OwnershipCorrection?> GetCorrectionAsync(string correctionId, CancellationToken cancellationToken = default);

    /// <summary>A participant, or null.</summary>
    Task<Participant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>The invitation of an address, or null.</summary>
    Task<Invitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default);

    /// <summary>A part, or null.</summary>
    Task<Part?> GetPartAsync(string partId, CancellationToken cancellationToken = default);

    /// <summary>A part's events in ledger order.</summary>
    Task<IReadOnlyList<PartEvent>> GetHistoryAsync(string partId, CancellationToken cancellationToken = default);

    /// <summary>The parts of a part number.</summary>
    Task<IReadOnlyList<Part>> GetPartsByPartNumberAsync(string partNumber, CancellationToken cancellationToken = default);

    /// <summary>The parts of a batch.</summary>
    Task<IReadOnlyList<Part>> GetPartsByBatchAsync(string batchNumber, CancellationToken cancellationToken = default);

    /// <summary>The parts a participant holds.</summary>
    Task<IReadOnlyList<Part>> GetPartsByOwnerAsync(Address owner, CancellationToken cancellationToken = default);

    /// <summary>The direct components of an assembly.</summary>
    Task<IReadOnlyList<string>> GetComponentsAsync(string assemblyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// An order, visible only to its buyer, supplier and logistics provider: the query is signed by
    /// <paramref name="reader"/>. On Ethereum every node operator can read all contract state; there
    /// the check only keeps honest clients honest.
    /// </summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.Unauthorized"/> for anyone else.</exception>
    Task<Order?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A delivery, visible only to the order's buyer, supplier and logistics provider: the query is
    /// signed by <paramref name="reader"/>. On Ethereum every node operator can read all contract state.
    /// </summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.Unauthorized"/> for anyone else.</exception>
    Task<Delivery?> GetDeliveryAsync(ISigner reader, string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open orders in which <paramref name="reader"/> (who signs the query) is buyer, supplier or
    /// logistics provider. On Ethereum every node operator can read all contract state.
    /// </summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.Unauthorized"/> for a reader who is not a participant.</exception>
    Task<IReadOnlyList<Order>> GetOpenOrdersAsync(ISigner reader, CancellationToken cancellationToken = default);

    /// <summary>The rejections recorded for a delivery (visible to all: counterfeits must be seen).</summary>
    Task<IReadOnlyList<HandoverRejection>> GetRejectionsAsync(string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>PartChain's ledger events in blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>] (see <see cref="TraceabilityEvents"/>).</summary>
    Task<IReadOnlyList<Ledger.LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default);

    /// <summary>PartChain's ledger events from <paramref name="fromBlock"/> on: committed ones, then live ones, until cancelled.</summary>
    IAsyncEnumerable<Ledger.LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default);

    /// <summary>Whether a part is authentic.</summary>
    Task<AuthenticityReport> CheckAuthenticityAsync(string partId, CancellationToken cancellationToken = default);
}
