using System.Runtime.CompilerServices;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// What a participant's application calls: PartChain bound to that participant's signer, so every
/// command is signed by it and every confidential query is asked as it.
/// </summary>
public sealed class TraceabilityClient
{
    private readonly ITraceabilityContract _contract;
    private readonly ISigner _signer;

    /// <summary>Creates a client acting as <paramref name="signer"/>.</summary>
    public TraceabilityClient(ITraceabilityContract contract, ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(signer);
        _contract = contract;
        _signer = signer;
    }

    /// <summary>The acting participant's address.</summary>
    public Address Address => _signer.Address;

    /// <summary>The port, for queries that need no identity.</summary>
    public ITraceabilityContract Contract => _contract;

    /// <summary>Invites a participant (this participant must be an admin).</summary>
    public Task<TraceabilityReceipt> InviteAsync(Address invitee, string name, ParticipantRole role, bool grantAdmin = false, CancellationToken cancellationToken = default) =>
        _contract.InviteAsync(_signer, invitee, name, role, grantAdmin, cancellationToken);

    /// <summary>Approves an invitation.</summary>
    public Task<TraceabilityReceipt> ApproveInvitationAsync(Address invitee, CancellationToken cancellationToken = default) =>
        _contract.ApproveInvitationAsync(_signer, invitee, cancellationToken);

    /// <summary>Registers parts manufactured by this participant.</summary>
    public Task<TraceabilityReceipt> RegisterPartsAsync(IReadOnlyList<PartRegistration> parts, Location location, CancellationToken cancellationToken = default) =>
        _contract.RegisterPartsAsync(_signer, parts, location, cancellationToken);

    /// <summary>Builds components into an assembly.</summary>
    public Task<TraceabilityReceipt> AssembleAsync(string assemblyId, IReadOnlyList<string> componentIds, Location location, CancellationToken cancellationToken = default) =>
        _contract.AssembleAsync(_signer, assemblyId, componentIds, location, cancellationToken);

    /// <summary>Records a scan.</summary>
    public Task<TraceabilityReceipt> ScanAsync(string partId, Location location, CancellationToken cancellationToken = default) =>
        _contract.ScanAsync(_signer, partId, location, cancellationToken);

    /// <summary>Recalls this participant's parts of a batch.</summary>
    public Task<TraceabilityReceipt> RecallBatchAsync(string batchNumber, CancellationToken cancellationToken = default) =>
        _contract.RecallBatchAsync(_signer, batchNumber, cancellationToken);

    /// <summary>Places an order with a supplier.</summary>
    public Task<TraceabilityReceipt> PlaceOrderAsync(string orderId, Address supplier, string partNumber, int quantity, DateTimeOffset requestedDeliveryDate, CancellationToken cancellationToken = default) =>
        _contract.PlaceOrderAsync(_signer, orderId, supplier, partNumber, quantity, requestedDeliveryDate, cancellationToken);

    /// <summary>Declines an order addressed to this supplier.</summary>
    public Task<TraceabilityReceipt> DeclineOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        _contract.DeclineOrderAsync(_signer, orderId, cancellationToken);

    /// <summary>Creates the delivery of an order addressed to this supplier.</summary>
    public Task<TraceabilityReceipt> CreateDeliveryAsync(string deliveryId, string orderId, Address lsp, IReadOnlyList<string> partIds, CancellationToken cancellationToken = default) =>
        _contract.CreateDeliveryAsync(_signer, deliveryId, orderId, lsp, partIds, cancellationToken);

    /// <summary>Picks up a delivery (as its logistics provider).</summary>
    public Task<TraceabilityReceipt> PickUpAsync(string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        _contract.PickUpAsync(_signer, deliveryId, scannedPartIds, location, cancellationToken);

    /// <summary>Accepts a delivery (as its buyer).</summary>
    public Task<TraceabilityReceipt> AcceptDeliveryAsync(string deliveryId, IReadOnlyList<string> scannedPartIds, Location location, CancellationToken cancellationToken = default) =>
        _contract.AcceptDeliveryAsync(_signer, deliveryId, scannedPartIds, location, cancellationToken);

    /// <summary>An order this participant is party to.</summary>
    public Task<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) => _contract.GetOrderAsync(_signer, orderId, cancellationToken);

    /// <summary>A delivery this participant is party to.</summary>
    public Task<Delivery?> GetDeliveryAsync(string deliveryId, CancellationToken cancellationToken = default) => _contract.GetDeliveryAsync(_signer, deliveryId, cancellationToken);

    /// <summary>This participant's open orders (as buyer, supplier or logistics provider).</summary>
    public Task<IReadOnlyList<Order>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) => _contract.GetOpenOrdersAsync(_signer, cancellationToken);

    /// <summary>The parts this participant holds.</summary>
    public Task<IReadOnlyList<Part>> GetInventoryAsync(CancellationToken cancellationToken = default) => _contract.GetPartsByOwnerAsync(Address, cancellationToken);

    /// <summary>The tree of everything built into <paramref name="partId"/>, from the ledger.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when the part is not registered.</exception>
    public async Task<ComponentTree> GetComponentTreeAsync(string partId, CancellationToken cancellationToken = default)
    {
        Part part = await _contract.GetPartAsync(partId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {partId} is not registered.");
        var components = new List<ComponentTree>();
        foreach (string componentId in await _contract.GetComponentsAsync(partId, cancellationToken))
        {
            components.Add(await GetComponentTreeAsync(componentId, cancellationToken));
        }

        return new ComponentTree(part, components);
    }

    /// <summary>Where a part is used: the assembly it is built into, the one that contains that, and so on up to the vehicle.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when the part is not registered.</exception>
    public async Task<IReadOnlyList<Part>> GetWhereUsedAsync(string partId, CancellationToken cancellationToken = default)
    {
        Part part = await _contract.GetPartAsync(partId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {partId} is not registered.");
        var chain = new List<Part>();
        for (string? parent = part.AssemblyId; parent is not null && chain.Count < 64;)
        {
            Part assembly = (await _contract.GetPartAsync(parent, cancellationToken))!;
            chain.Add(assembly);
            parent = assembly.AssemblyId;
        }

        return chain;
    }

    /// <summary>Handover rejections as they are recorded, from <paramref name="fromBlock"/> on, until cancelled.</summary>
    public async IAsyncEnumerable<HandoverRejection> WatchRejectionsAsync(long fromBlock = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LedgerEvent e in _contract.WatchEventsAsync(fromBlock, cancellationToken))
        {
            if (e.Name == TraceabilityEvents.HandoverRejected)
            {
                yield return System.Text.Json.JsonSerializer.Deserialize(e.PayloadJson, TraceabilityJsonContext.Default.HandoverRejection)!;
            }
        }
    }
}
