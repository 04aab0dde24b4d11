using System.Text.Json;
using ValueChain.Chaincode;

namespace ValueChain.Procurement;

/// <summary>
/// The JSON payloads of the procurement chaincode's events (<see cref="ProcurementEvents"/>) exactly as the chaincode
/// and its shared blocks emit them, for drivers that rebuild the events from their own records (the Ethereum adapter
/// from logs), so that readers of events work the same on every ledger.
/// </summary>
public static class ProcurementEventPayloads
{
    private static readonly ProcurementJsonContext Json = ProcurementJsonContext.Default;

    /// <summary><see cref="ProcurementEvents.ParticipantInvited"/> and <see cref="ProcurementEvents.InvitationApproved"/>.</summary>
    public static string Invitation(ConsortiumInvitation invitation) => JsonSerializer.Serialize(invitation, Json.ConsortiumInvitation);

    /// <summary><see cref="ProcurementEvents.ParticipantJoined"/> and <see cref="ProcurementEvents.ParticipantRevoked"/>.</summary>
    public static string Member(ConsortiumMember member) => JsonSerializer.Serialize(member, Json.ConsortiumMember);

    /// <summary><see cref="ProcurementEvents.CompanyJoined"/>, <see cref="ProcurementEvents.CompanyRemoved"/> and <see cref="ProcurementEvents.SupplierRated"/>.</summary>
    public static string Company(Company company) => JsonSerializer.Serialize(company, Json.Company);

    /// <summary><see cref="ProcurementEvents.MachineRegistered"/>.</summary>
    public static string Machine(Machine machine) => JsonSerializer.Serialize(machine, Json.Machine);

    /// <summary><see cref="ProcurementEvents.MaterialConsumed"/>.</summary>
    public static string Consumption(MaterialConsumption consumption) => JsonSerializer.Serialize(consumption, Json.MaterialConsumption);

    /// <summary><see cref="ProcurementEvents.QuotationCreated"/> and <see cref="ProcurementEvents.QuotationRevised"/>.</summary>
    public static string Quotation(Quotation quotation) => JsonSerializer.Serialize(quotation, Json.Quotation);

    /// <summary><see cref="ProcurementEvents.QuotationApproved"/> and <see cref="ProcurementEvents.ApprovalWithdrawn"/>.</summary>
    public static string Approval(QuotationApproval approval) => JsonSerializer.Serialize(approval, Json.QuotationApproval);

    /// <summary><see cref="ProcurementEvents.OrderPlaced"/>, <see cref="ProcurementEvents.OrderDelivered"/> and <see cref="ProcurementEvents.OrderCancelled"/>.</summary>
    public static string Order(PurchaseOrder order) => JsonSerializer.Serialize(order, Json.PurchaseOrder);

    /// <summary><see cref="ProcurementEvents.ServiceBooked"/>.</summary>
    public static string Service(ServiceOrder service) => JsonSerializer.Serialize(service, Json.ServiceOrder);

    /// <summary><see cref="ProcurementEvents.MaintenanceRecorded"/>.</summary>
    public static string Maintenance(MaintenanceNotice notice) => JsonSerializer.Serialize(notice, Json.MaintenanceNotice);

    /// <summary><see cref="ProcurementEvents.BookAccessGranted"/> and <see cref="ProcurementEvents.BookAccessRevoked"/>.</summary>
    public static string Grant(BookGrant grant) => JsonSerializer.Serialize(grant, Json.BookGrant);

    /// <summary><see cref="ProcurementEvents.Transfer"/>.</summary>
    public static string Transfer(Address from, Address to, UInt256 value) => JsonSerializer.Serialize(new TokenTransfer(from, to, value), Json.TokenTransfer);

    /// <summary><see cref="ProcurementEvents.Approval"/>.</summary>
    public static string TokenApproval(Address owner, Address spender, UInt256 value) => JsonSerializer.Serialize(new TokenApproval(owner, spender, value), Json.TokenApproval);

    /// <summary><see cref="ProcurementEvents.EscrowLocked"/>, <see cref="ProcurementEvents.EscrowReleased"/> and <see cref="ProcurementEvents.EscrowRefunded"/>.</summary>
    public static string Escrow(EscrowRecord record) => JsonSerializer.Serialize(record, Json.EscrowRecord);
}
