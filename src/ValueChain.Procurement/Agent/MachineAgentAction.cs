namespace ValueChain.Procurement;

/// <summary>One thing a machine agent did, as it reports it through its log and its <see cref="MachineAgent.Acted"/> event.</summary>
/// <param name="Kind">What it did.</param>
/// <param name="MachineId">The machine.</param>
/// <param name="MaterialNumber">The slot's material, or null for a service booking.</param>
/// <param name="Reference">The order or service id.</param>
/// <param name="QuotationId">The quotation ordered, for <see cref="MachineAgentActionKind.Ordered"/>.</param>
public sealed record MachineAgentAction(MachineAgentActionKind Kind, string MachineId, string? MaterialNumber, string? Reference, long? QuotationId = null)
{
    /// <summary>For <see cref="MachineAgentActionKind.Ordered"/>: the order as the ledger recorded it (from the receipt's event), or null when the receipt carried none.</summary>
    public PurchaseOrder? Order { get; init; }
}
