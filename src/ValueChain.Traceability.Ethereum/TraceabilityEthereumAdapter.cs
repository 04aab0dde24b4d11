using LedgerEvent = ValueChain.Ledger.LedgerEvent;
using ValueChain.Ledger.Ethereum;
using ValueChain.Traceability.Ethereum.Contracts;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

namespace ValueChain.Traceability.Ethereum;

/// <summary>
/// <see cref="ITraceabilityContract"/> over the Traceability Solidity contracts through their generated bindings. Each
/// command is a transaction of the signer it names; refusals arrive as <see cref="ChaincodeException"/>s with the
/// chaincode's codes, a handover the contract records as rejected comes back in the receipt, events carry the
/// chaincode's names and payloads under <see cref="TraceabilityChaincode.ChaincodeName"/>, and a part's history
/// is read from the contract's PartEventRecorded logs.
/// </summary>
/// <remarks>
/// On Ethereum every node operator reads all contract state: the confidential reads (orders, deliveries, open
/// orders) pass the reader's address to views that refuse non-participants, which keeps honest clients honest
/// and nothing more.
/// </remarks>
public sealed class TraceabilityEthereumAdapter : ApplicationAdapter, ITraceabilityContract
{
    private readonly TraceabilityContracts _contracts;
    private readonly TraceabilityEventTranslator _translator;

    /// <summary>Binds the contracts deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public TraceabilityEthereumAdapter(SignerClients clients, TraceabilityContracts contracts)
        : base(clients, TraceabilityChaincode.ChaincodeName, (contracts ?? throw new ArgumentNullException(nameof(contracts))).DeploymentBlock)
    {
        _contracts = contracts;
        _translator = new TraceabilityEventTranslator(clients, contracts);
    }

    /// <summary>The contracts this adapter binds.</summary>
    public TraceabilityContracts Contracts => _contracts;

    /// <inheritdoc />
    public Task<TraceabilityReceipt> InviteAsync(ISigner admin, Address invitee, string name, ParticipantRole role, bool grantAdmin = false, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(admin).InviteAsync(invitee, name ?? "", (byte)role, grantAdmin, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(admin).ApproveInvitationAsync(invitee, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RevokeAsync(ISigner admin, Address participant, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(admin).RevokeAsync(participant, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RegisterPartsAsync(ISigner manufacturer, IReadOnlyList<PartRegistration> parts, Location location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        OnChain.PartRegistration[] registrations = [.. parts.Select(p => new OnChain.PartRegistration(p.PartId ?? "", p.PartNumber ?? "", p.BatchNumber ?? "", (byte)p.Kind))];
        return SendAsync(() => Chain(manufacturer).RegisterPartsAsync(registrations, Where(location), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TraceabilityReceipt> AssembleAsync(ISigner owner, string assemblyId, IReadOnlyList<string> componentIds, Location location, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(owner).AssembleAsync(assemblyId ?? "", componentIds ?? [], Where(location), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ScanAsync(ISigner participant, string partId, Location location, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(participant).ScanAsync(partId ?? "", Where(location), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> RecallBatchAsync(ISigner manufacturer, string batchNumber, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(manufacturer).RecallBatchAsync(batchNumber ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> PlaceOrderAsync(ISigner buyer, string orderId, Address supplier, string partNumber, int quantity, DateTimeOffset requestedDeliveryDate, CancellationToken cancellationToken = default)
    {
        if (quantity < 0 || requestedDeliveryDate < DateTimeOffset.UnixEpoch)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "An order is for 1 to 10000 parts, due from 1970 on.");
        }

        return SendAsync(() => Chain(buyer).PlaceOrderAsync(orderId ?? "", supplier, partNumber ?? "", (uint)quantity, (ulong)requestedDeliveryDate.ToUnixTimeSeconds(), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TraceabilityReceipt> DeclineOrderAsync(ISigner supplier, string orderId, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(supplier).DeclineOrderAsync(orderId ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> CreateDeliveryAsync(ISigner supplier, string deliveryId, string orderId, Address lsp, IReadOnlyList<string> partIds, CancellationToken cancellationToken = default) =>
        SendAsync(() => Chain(supplier).CreateDeliveryAsync(deliveryId ?? "", orderId ?? "", lsp, partIds ?? [], cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> PickUpAsync(ISigner lsp, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        HandoverAsync(() => Chain(lsp).PickUpAsync(deliveryId ?? "", scannedPartIds ?? [], Where(location), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> AcceptDeliveryAsync(ISigner buyer, string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        HandoverAsync(() => Chain(buyer).AcceptDeliveryAsync(deliveryId ?? "", scannedPartIds ?? [], Where(location), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ProposeCorrectionAsync(ISigner admin, string correctionId, string partId, Address newHolder, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(() => Corrections(admin).ProposeCorrectionAsync(correctionId ?? "", partId ?? "", newHolder, reason ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<TraceabilityReceipt> ApproveCorrectionAsync(ISigner admin, string correctionId, CancellationToken cancellationToken = default) =>
        SendAsync(() => Corrections(admin).ApproveCorrectionAsync(correctionId ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<OwnershipCorrection?> GetCorrectionAsync(string correctionId, CancellationToken cancellationToken = default)
    {
        TraceabilityCorrections.Correction c = await Corrections(null).CorrectionAsync(correctionId ?? "", cancellationToken).ConfigureAwait(false);
        return c.CorrectionId.Length == 0 ? null : new OwnershipCorrection(c.CorrectionId, c.PartId, c.From, c.To, c.Reason, c.Approvals, c.Applied);
    }

    /// <inheritdoc />
    public async Task<Participant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default)
    {
        OnChain.Participant p = await Chain(null).ParticipantAsync(address, cancellationToken).ConfigureAwait(false);
        return p.Account == Address.Zero ? null
            : new Participant(p.Account, p.Name, (ParticipantRole)p.Role, p.IsAdmin, Time(p.JoinedAt), p.RevokedAt == 0 ? null : Time(p.RevokedAt));
    }

    /// <inheritdoc />
    public async Task<Invitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default)
    {
        OnChain.Invitation i = await Chain(null).InvitationAsync(invitee, cancellationToken).ConfigureAwait(false);
        return i.Status == 0 ? null : new Invitation(i.Invitee, i.Name, (ParticipantRole)i.Role, i.GrantAdmin, i.InvitedBy, i.Approvals, (InvitationStatus)i.Status);
    }

    /// <inheritdoc />
    public async Task<Part?> GetPartAsync(string partId, CancellationToken cancellationToken = default) =>
        PartOf(await Chain(null).PartAsync(partId ?? "", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartEvent>> GetHistoryAsync(string partId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partId);
        EthereumClient reader = Clients.Reader;
        ulong head = await reader.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        LogFilter filter = OnChain.PartEventRecordedEvent.Filter(_contracts.Traceability, Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(partId)));
        var times = new Dictionary<ulong, DateTimeOffset>();
        var history = new List<PartEvent>();
        await foreach (EthereumLog log in reader.GetLogsAsync(filter, _contracts.DeploymentBlock, head, cancellationToken).ConfigureAwait(false))
        {
            if (!times.TryGetValue(log.BlockNumber, out DateTimeOffset time))
            {
                times[log.BlockNumber] = time = await BlockTimeAsync(log.BlockNumber, cancellationToken).ConfigureAwait(false);
            }

            OnChain.PartEventRecordedEvent e = OnChain.PartEventRecordedEvent.Decode(log);
            var type = (PartEventType)e.Kind;
            string? related = type switch
            {
                PartEventType.OwnershipTransferred or PartEventType.OwnershipCorrected => e.Holder.ToString(),
                PartEventType.HandoverRejected => $"{e.Related}:{(RejectionReason)e.Reason}",
                _ => e.Related.Length == 0 ? null : e.Related,
            };
            history.Add(new PartEvent(partId, type, e.Actor, e.Located ? LocationOf(e.Location) : null, time, new TxId(log.TransactionHash), related));
        }

        return history;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByPartNumberAsync(string partNumber, CancellationToken cancellationToken = default) =>
        Parts(await Chain(null).PartsByPartNumberAsync(partNumber ?? "", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByBatchAsync(string batchNumber, CancellationToken cancellationToken = default) =>
        Parts(await Chain(null).PartsByBatchAsync(batchNumber ?? "", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Part>> GetPartsByOwnerAsync(Address owner, CancellationToken cancellationToken = default) =>
        Parts(await Chain(null).PartsByOwnerAsync(owner, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetComponentsAsync(string assemblyId, CancellationToken cancellationToken = default) =>
        [.. (await Chain(null).ComponentsAsync(assemblyId ?? "", cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public async Task<Order?> GetOrderAsync(ISigner reader, string orderId, CancellationToken cancellationToken = default)
    {
        OnChain.Order order = await ReadAsync(() => Chain(null).OrderForAsync(ReaderOf(reader), orderId ?? "", cancellationToken)).ConfigureAwait(false);
        return order.Status == 0 ? null : OrderOf(order);
    }

    /// <inheritdoc />
    public async Task<Delivery?> GetDeliveryAsync(ISigner reader, string deliveryId, CancellationToken cancellationToken = default)
    {
        OnChain.Delivery d = await ReadAsync(() => Chain(null).DeliveryForAsync(ReaderOf(reader), deliveryId ?? "", cancellationToken)).ConfigureAwait(false);
        return d.Status == 0 ? null : new Delivery(d.DeliveryId, d.OrderId, d.Lsp, d.PartIds, (DeliveryStatus)d.Status);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Order>> GetOpenOrdersAsync(ISigner reader, CancellationToken cancellationToken = default) =>
        [.. (await Chain(null).OrdersOfAsync(ReaderOf(reader), cancellationToken).ConfigureAwait(false))
            .Select(OrderOf)
            .Where(o => o.Status is OrderStatus.Open or OrderStatus.InDelivery)
            .OrderBy(o => o.OrderId, StringComparer.Ordinal)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<HandoverRejection>> GetRejectionsAsync(string deliveryId, CancellationToken cancellationToken = default) =>
        [.. (await Chain(null).RejectionsAsync(deliveryId ?? "", cancellationToken).ConfigureAwait(false))
            .Select(r => new HandoverRejection(deliveryId!, (HandoverStage)r.Stage, r.RejectedBy, RejectedParts(r.Parts), Time(r.Time)))];

    /// <inheritdoc />
    /// <remarks>Blocks past the head are not waited for: the range ends at the head.</remarks>
    public new Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        base.GetEventsAsync(fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Polls the head (every <see cref="EthereumClientOptions.LogPollInterval"/>) and delivers each new block's events whole.</remarks>
    public new IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        base.WatchEventsAsync(fromBlock, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Computed from the contract's state and logs by <see cref="AuthenticityRules"/>, as the chaincode's query.</remarks>
    public async Task<AuthenticityReport> CheckAuthenticityAsync(string partId, CancellationToken cancellationToken = default)
    {
        Part? part = await GetPartAsync(partId, cancellationToken).ConfigureAwait(false);
        Participant? maker = part is null ? null : await GetParticipantAsync(part.Manufacturer, cancellationToken).ConfigureAwait(false);
        return AuthenticityRules.Assess(partId, part, maker, part is null ? [] : await GetHistoryAsync(partId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    protected override bool EmittedByApplication(Address emitter) => emitter == _contracts.Traceability || emitter == _contracts.Corrections;

    /// <inheritdoc />
    protected override Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken) =>
        _translator.TranslateAsync(log, transactionLogs, cancellationToken);

    private async Task<TraceabilityReceipt> HandoverAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await base.SendAsync(send, cancellationToken).ConfigureAwait(false);
        TraceabilityReceipt result = ReceiptOf(sent);
        if (OnChain.HandoverRejectedEvent.FromReceipt(sent.Receipt, _contracts.Traceability) is not [var rejected, ..])
        {
            return result;
        }

        DateTimeOffset time = await BlockTimeAsync(sent.Receipt.BlockNumber, cancellationToken).ConfigureAwait(false);
        return result with { Rejection = RejectionOf(rejected, time) };
    }

    private new async Task<TraceabilityReceipt> SendAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken) =>
        ReceiptOf(await base.SendAsync(send, cancellationToken).ConfigureAwait(false));

    private static TraceabilityReceipt ReceiptOf(SentTransaction sent) => new(sent.TransactionId, sent.BlockNumber, sent.Events, null);

    internal static HandoverRejection RejectionOf(OnChain.HandoverRejectedEvent rejected, DateTimeOffset time) =>
        new(rejected.DeliveryId, (HandoverStage)rejected.Stage, rejected.RejectedBy, RejectedParts(rejected.Parts), time);

    private OnChain Chain(ISigner? signer) => new(Client(signer), _contracts.Traceability);

    private TraceabilityCorrections Corrections(ISigner? signer) => new(Client(signer), _contracts.Corrections);

    private static DateTimeOffset Time(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds);

    private static OnChain.Location Where(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new OnChain.Location(checked((int)location.Point.LatitudeMicrodegrees), checked((int)location.Point.LongitudeMicrodegrees), location.Site ?? "");
    }

    internal static Location LocationOf(OnChain.Location location) =>
        new(new GeoPoint(location.Latitude, location.Longitude), location.Site.Length == 0 ? null : location.Site);

    private static Part? PartOf(OnChain.Part p) =>
        p.RegisteredAt == 0 ? null
            : new Part(p.PartId, p.PartNumber, p.BatchNumber, p.Manufacturer, p.Owner, (PartKind)p.Kind, (PartStatus)p.Status, Time(p.RegisteredAt), p.AssemblyId.Length == 0 ? null : p.AssemblyId);

    private static IReadOnlyList<Part> Parts(IReadOnlyList<OnChain.Part> parts) => [.. parts.Select(p => PartOf(p)!).OrderBy(p => p.PartId, StringComparer.Ordinal)];

    private static Order OrderOf(OnChain.Order o) =>
        new(o.OrderId, o.Buyer, o.Supplier, o.PartNumber, (int)o.Quantity, Time(o.RequestedDeliveryDate), (OrderStatus)o.Status);

    private static IReadOnlyList<RejectedPart> RejectedParts(IReadOnlyList<OnChain.RejectedPart> parts) => [.. parts.Select(p => new RejectedPart(p.PartId, (RejectionReason)p.Reason))];

    // On Ethereum every node operator reads all contract state: the reader's address only selects what
    // an honest client is shown (see the port's documentation).
    private static Address ReaderOf(ISigner reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Address;
    }
}
