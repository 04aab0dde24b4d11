using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// <see cref="ITraceabilityContract"/> over a generic <see cref="IContractGateway"/>: the embedded and
/// Fabric drivers run <see cref="TraceabilityChaincode"/>, and this adapter calls it.
/// </summary>
public sealed class TraceabilityChaincodeAdapter : ITraceabilityContract
{
    private static readonly TraceabilityJsonContext Json = TraceabilityJsonContext.Default;
    private readonly IContractGateway _gateway;
    private readonly ChaincodeClient _chaincode;

    /// <summary>Creates the adapter over <paramref name="gateway"/>.</summary>
    public TraceabilityChaincodeAdapter(IContractGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        _chaincode = new ChaincodeClient(gateway, TraceabilityChaincode.ChaincodeName);
    }

    /// <inheritdoc />
    public Task<TraceabilityReceipt> InviteAsync(ISigner admin, Address invitee, string name, ParticipantRole role, bool grantAdmin = false, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "invite", new InviteArgs(invitee, name, role, grantAdmin), Json.InviteArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "approveInvitation", new AddressArgs(invitee), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RevokeAsync(ISigner admin, Address participant, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "revoke", new AddressArgs(participant), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RegisterPartsAsync(ISigner manufacturer, IReadOnlyList<PartRegistration> parts, Location location, CancellationToken cancellationToken = default) =>
        SubmitAsync(manufacturer, "registerParts", new RegisterArgs(parts, location), Json.RegisterArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> AssembleAsync(ISigner owner, string assemblyId, IReadOnlyList<string> componentIds, Location location, CancellationToken cancellationToken = default) =>
        SubmitAsync(owner, "assemble", new AssembleArgs(assemblyId, componentIds, location), Json.AssembleArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ScanAsync(ISigner participant, string partId, Location location, CancellationToken cancellationToken = default) =>
        SubmitAsync(participant, "scan", new ScanArgs(partId, location), Json.ScanArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RecallBatchAsync(ISigner manufacturer, string batchNumber, CancellationToken cancellationToken = default) =>
        SubmitAsync(manufacturer, "recallBatch", new IdArgs(batchNumber), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> PlaceOrderAsync(ISigner buyer, string orderId, Address supplier, string partNumber, int quantity, DateTimeOffset requestedDeliveryDate, CancellationToken cancellationToken = default) =>
        SubmitAsync(buyer, "placeOrder", new PlaceOrderArgs(orderId, supplier, partNumber, quantity, requestedDeliveryDate), Json.PlaceOrderArgs, cancellationToken, TraceabilityPrivateArguments.PlaceOrder);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> DeclineOrderAsync(ISigner supplier, string orderId, CancellationToken cancellationToken = default) =>
        SubmitAsync(supplier, "declineOrder", new IdArgs(orderId), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> CreateDeliveryAsync(ISigner supplier, string deliveryId, string orderId, Address lsp, IReadOnlyList<string> partIds, CancellationToken cancellationToken = default) =>
        SubmitAsync(supplier, "createDelivery", new CreateDeliveryArgs(deliveryId, orderId, lsp, partIds), Json.CreateDeliveryArgs, cancellationToken, TraceabilityPrivateArguments.CreateDelivery);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> PickUpAsync(ISigner lsp, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        SubmitAsync(lsp, "pickUp", new HandoverArgs(deliveryId, scannedPartIds, location), Json.HandoverArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> AcceptDeliveryAsync(ISigner buyer, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        SubmitAsync(buyer, "acceptDelivery", new HandoverArgs(deliveryId, scannedPartIds, location), Json.HandoverArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ProposeCorrectionAsync(ISigner admin, string correctionId, string partId, Address newHolder, string reason, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "proposeCorrection", new ProposeCorrectionArgs(correctionId, partId, newHolder, reason), Json.ProposeCorrectionArgs, cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ApproveCorrectionAsync(ISigner admin, string correctionId, CancellationToken cancellationToken = default) =>
        SubmitAsync(admin, "approveCorrection", new IdArgs(correctionId), Json.IdArgs, cancellationToken);

    /// <inheritdoc />
    public Task<OwnershipCorrection?> GetCorrectionAsync(string correctionId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getCorrection", new IdArgs(correctionId), Json.IdArgs, Json.OwnershipCorrection, cancellationToken);

    /// <inheritdoc />
    public Task<Participant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getParticipant", new AddressArgs(address), Json.AddressArgs, Json.Participant, cancellationToken);

    /// <inheritdoc />
    public Task<Invitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getInvitation", new AddressArgs(invitee), Json.AddressArgs, Json.Invitation, cancellationToken);

    /// <inheritdoc />
    public Task<Part?> GetPartAsync(string partId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getPart", new IdArgs(partId), Json.IdArgs, Json.Part, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartEvent>> GetHistoryAsync(string partId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getHistory", new IdArgs(partId), Json.IdArgs, Json.ListPartEvent, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByPartNumberAsync(string partNumber, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getPartsByPartNumber", new IdArgs(partNumber), Json.IdArgs, Json.ListPart, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByBatchAsync(string batchNumber, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getPartsByBatch", new IdArgs(batchNumber), Json.IdArgs, Json.ListPart, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByOwnerAsync(Address owner, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getPartsByOwner", new AddressArgs(owner), Json.AddressArgs, Json.ListPart, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetComponentsAsync(string assemblyId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getComponents", new IdArgs(assemblyId), Json.IdArgs, Json.ListString, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<Order?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getOrder", new IdArgs(orderId), Json.IdArgs, Json.Order, cancellationToken, Required(reader));

    /// <inheritdoc />
    public Task<Delivery?> GetDeliveryAsync(ISigner reader, string deliveryId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getDelivery", new IdArgs(deliveryId), Json.IdArgs, Json.Delivery, cancellationToken, Required(reader));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Order>> GetOpenOrdersAsync(ISigner reader, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getOpenOrders", new EmptyArgs(), Json.EmptyArgs, Json.ListOrder, cancellationToken, Required(reader)) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<HandoverRejection>> GetRejectionsAsync(string deliveryId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getRejections", new IdArgs(deliveryId), Json.IdArgs, Json.ListHandoverRejection, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        _gateway.GetEventsAsync(TraceabilityChaincode.ChaincodeName, fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        _gateway.WatchEventsAsync(TraceabilityChaincode.ChaincodeName, fromBlock, cancellationToken);

    /// <inheritdoc />
    public async Task<AuthenticityReport> CheckAuthenticityAsync(string partId, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("checkAuthenticity", new IdArgs(partId), Json.IdArgs, Json.AuthenticityReport, cancellationToken))!;

    // Order and delivery details are marked private, so that a ledger with transient data keeps them out of the transaction.
    private async Task<TraceabilityReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken, IReadOnlyList<string>? privateArguments = null)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(signer, function, arguments, type, privateArguments ?? [], cancellationToken);
        HandoverRejection? rejection = receipt.ResultJson is { } result ? JsonSerializer.Deserialize(result, Json.CommandResult)?.Rejection : null;
        return new TraceabilityReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events, rejection);
    }

    private Task<TResult?> EvaluateAsync<TArgs, TResult>(string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken, ISigner? reader = null) =>
        _chaincode.EvaluateAsync(reader, function, arguments, argumentType, resultType, cancellationToken);

    private static ISigner Required(ISigner reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader;
    }
}
