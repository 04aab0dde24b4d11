using ValueChain.Chaincode;

namespace ValueChain.Procurement;

/// <summary>The names of the events the procurement chaincode emits (and the Ethereum twin rebuilds), with their JSON payloads.</summary>
public static class ProcurementEvents
{
    /// <summary>An admin invited a user (payload: the membership block's <see cref="ConsortiumInvitation"/>).</summary>
    public const string ParticipantInvited = MembershipEvents.ParticipantInvited;

    /// <summary>Another admin approved an invitation (payload: <see cref="ConsortiumInvitation"/>).</summary>
    public const string InvitationApproved = MembershipEvents.InvitationApproved;

    /// <summary>A user joined (payload: <see cref="ConsortiumMember"/>).</summary>
    public const string ParticipantJoined = MembershipEvents.ParticipantJoined;

    /// <summary>A user was revoked (payload: <see cref="ConsortiumMember"/>).</summary>
    public const string ParticipantRevoked = MembershipEvents.ParticipantRevoked;

    /// <summary>A company joined with its first user (payload: <see cref="Company"/>).</summary>
    public const string CompanyJoined = "CompanyJoined";

    /// <summary>A marketplace admin removed a company (payload: <see cref="Company"/>).</summary>
    public const string CompanyRemoved = "CompanyRemoved";

    /// <summary>A service engineer registered a machine (payload: <see cref="Machine"/>).</summary>
    public const string MachineRegistered = "MachineRegistered";

    /// <summary>A machine used material (payload: <see cref="MaterialConsumption"/>).</summary>
    public const string MaterialConsumed = "MaterialConsumed";

    /// <summary>A supplier published a quotation (payload: its first <see cref="Quotation"/> version).</summary>
    public const string QuotationCreated = "QuotationCreated";

    /// <summary>A supplier changed a quotation's price or validity (payload: the new <see cref="Quotation"/> version).</summary>
    public const string QuotationRevised = "QuotationRevised";

    /// <summary>A buyer approved a quotation for its company (payload: <see cref="QuotationApproval"/>).</summary>
    public const string QuotationApproved = "QuotationApproved";

    /// <summary>A buyer withdrew its company's approval (payload: <see cref="QuotationApproval"/>).</summary>
    public const string ApprovalWithdrawn = "ApprovalWithdrawn";

    /// <summary>A machine ordered; its payment is in escrow (payload: the <see cref="PurchaseOrder"/>).</summary>
    public const string OrderPlaced = "OrderPlaced";

    /// <summary>A machine booked a service engineer (payload: the <see cref="ServiceOrder"/>).</summary>
    public const string ServiceBooked = "ServiceBooked";

    /// <summary>An order arrived, was paid and closed (payload: the closed <see cref="PurchaseOrder"/>, with <see cref="PurchaseOrder.OnTime"/>).</summary>
    public const string OrderDelivered = "OrderDelivered";

    /// <summary>A machine cancelled an order and was refunded (payload: the cancelled <see cref="PurchaseOrder"/>).</summary>
    public const string OrderCancelled = "OrderCancelled";

    /// <summary>A supplier's evaluation changed (payload: its <see cref="Company"/>).</summary>
    public const string SupplierRated = "SupplierRated";

    /// <summary>A service engineer recorded maintenance (payload: <see cref="MaintenanceNotice"/>; the entry is read through grants).</summary>
    public const string MaintenanceRecorded = "MaintenanceRecorded";

    /// <summary>A company granted a third party reads of a machine's book (payload: <see cref="BookGrant"/>).</summary>
    public const string BookAccessGranted = "BookAccessGranted";

    /// <summary>A company revoked a grant (payload: the revoked <see cref="BookGrant"/>).</summary>
    public const string BookAccessRevoked = "BookAccessRevoked";

    /// <summary>Tokens moved (ERC-20 Transfer: from, to, value).</summary>
    public const string Transfer = TokenEvents.Transfer;

    /// <summary>An allowance was set (ERC-20 Approval: owner, spender, value).</summary>
    public const string Approval = TokenEvents.Approval;

    /// <summary>An order's payment went into escrow (payload: <see cref="EscrowRecord"/>).</summary>
    public const string EscrowLocked = EscrowEvents.Locked;

    /// <summary>An escrow paid the supplier (payload: <see cref="EscrowRecord"/>).</summary>
    public const string EscrowReleased = EscrowEvents.Released;

    /// <summary>An escrow paid the machine back (payload: <see cref="EscrowRecord"/>).</summary>
    public const string EscrowRefunded = EscrowEvents.Refunded;
}
