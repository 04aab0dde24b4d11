using System.Text.Json;
using ValueChain.Chaincode;
using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement.Ethereum.Contracts;
using static ValueChain.Procurement.Ethereum.OnChainValues;
using Book = ValueChain.Procurement.Ethereum.Contracts.ProcurementBook;
using Market = ValueChain.Procurement.Ethereum.Contracts.ProcurementMarket;
using Members = ValueChain.Procurement.Ethereum.Contracts.ProcurementMembers;

namespace ValueChain.Procurement.Ethereum;

/// <summary>
/// Rebuilds the procurement chaincode's events (<see cref="ProcurementEvents"/>, payloads by
/// <see cref="ProcurementEventPayloads"/>) from the marketplace contracts' logs, by the rule of
/// <see cref="ApplicationAdapter"/>. What a log leaves out is taken from the block (times), from the transaction's other
/// logs (an escrow's order id), from its input (a machine's registered slots, whose stocks every consumption, order and
/// maintenance changes later), or from state that never changes once written, read at the latest state: invitations
/// (approvals only grow, the log counts them), revoked members and companies' names and join times, quotation
/// versions, orders and escrows (their terms are written once, and a closed one never changes again; an open one's
/// status the payload sets itself), service orders and machines (all but their stocks). Three payloads read state that
/// later transactions change, at the log's block: a removed company's evaluation (CompanyRemoved; rated on), a rated
/// company's removal (SupplierRated, only when the company has since been removed: a removal is final) and a book grant (BookAccessGranted and BookAccessRevoked; revoked
/// and granted again), and so does a machine's registration made through another contract, whose input is not the
/// registration. The state at a block is the one after the whole block, so a later transaction of the same block that
/// changes it shows; with one transaction per block, as on anvil's automine, none does. A node that no longer holds the
/// block's state fails these with <see cref="StateUnavailableException"/> naming the block.
/// Restricted views are read as the transaction's sender, whom the contract let act. Genesis joins (the members'
/// constructor) are not events on the chaincode ledgers and are left out.
/// </summary>
internal sealed class ProcurementEventTranslator(ProcurementEthereumAdapter adapter, SignerClients clients, ProcurementContracts contracts)
{
    // The market's registerMachine(machineId, key, slots, maintenanceInterval), whose input holds a registration's slots.
    private static readonly AbiFunction RegisterMachine = new(
        "registerMachine", [AbiType.Parse("string"), AbiType.Parse("address"), AbiType.Parse("(string,uint64,uint64,uint64)[]"), AbiType.Parse("uint64")], []);

    public async Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken ct)
    {
        if (log.Address == contracts.Token)
        {
            return Token(log);
        }

        if (log.Address == contracts.Members)
        {
            return await MembersAsync(log, ct).ConfigureAwait(false);
        }

        return log.Address == contracts.Market
            ? await MarketAsync(log, transactionLogs, ct).ConfigureAwait(false)
            : await BookAsync(log, ct).ConfigureAwait(false);
    }

    private static LedgerEventContent? Token(EthereumLog log)
    {
        if (ProcurementToken.TransferEvent.TryDecode(log, out ProcurementToken.TransferEvent? transfer))
        {
            return new(ProcurementEvents.Transfer, ProcurementEventPayloads.Transfer(transfer.From, transfer.To, transfer.Value));
        }

        return ProcurementToken.ApprovalEvent.TryDecode(log, out ProcurementToken.ApprovalEvent? approval)
            ? new(ProcurementEvents.Approval, ProcurementEventPayloads.TokenApproval(approval.Owner, approval.Spender, approval.Value))
            : null;
    }

    private async Task<LedgerEventContent?> MembersAsync(EthereumLog log, CancellationToken ct)
    {
        Members members = adapter.Members(null);
        if (Members.ParticipantInvitedEvent.TryDecode(log, out Members.ParticipantInvitedEvent? invited))
        {
            var invitation = new ConsortiumInvitation(invited.Invitee, invited.Name, ((ProcurementRole)invited.Role).ToString(), invited.GrantAdmin, invited.InvitedBy, [invited.InvitedBy], ConsortiumInvitationStatus.Pending);
            return new(ProcurementEvents.ParticipantInvited, ProcurementEventPayloads.Invitation(invitation));
        }

        if (Members.InvitationApprovedEvent.TryDecode(log, out Members.InvitationApprovedEvent? approved))
        {
            // Approvals only grow: the first n of the list now are the ones the event counts; the chaincode emits them pending.
            Members.Invitation i = await members.InvitationAsync(approved.Invitee, ct).ConfigureAwait(false);
            var invitation = new ConsortiumInvitation(i.Invitee, i.Name, ((ProcurementRole)i.Role).ToString(), i.GrantAdmin, i.InvitedBy, [.. i.Approvals.Take((int)approved.Approvals.Value)], ConsortiumInvitationStatus.Pending);
            return new(ProcurementEvents.InvitationApproved, ProcurementEventPayloads.Invitation(invitation));
        }

        if (Members.ParticipantJoinedEvent.TryDecode(log, out Members.ParticipantJoinedEvent? joined))
        {
            // An invitation is never deleted: none now is none then, a genesis member's join.
            if ((await members.InvitationAsync(joined.Account, ct).ConfigureAwait(false)).Status == 0)
            {
                return null;
            }

            DateTimeOffset at = await adapter.TimeOfBlockAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return new(ProcurementEvents.ParticipantJoined, ProcurementEventPayloads.Member(new ConsortiumMember(joined.Account, joined.Name, ((ProcurementRole)joined.Role).ToString(), joined.IsAdmin, at, null)));
        }

        if (Members.ParticipantRevokedEvent.TryDecode(log, out Members.ParticipantRevokedEvent? revoked))
        {
            // A member is revoked once and never admitted again: its record now is its record then.
            return new(ProcurementEvents.ParticipantRevoked, ProcurementEventPayloads.Member((await adapter.MemberAsync(revoked.Account, ct).ConfigureAwait(false))!));
        }

        if (Members.CompanyJoinedEvent.TryDecode(log, out Members.CompanyJoinedEvent? companyJoined))
        {
            // The name and join time never change; the payload leaves out the removal and the ratings that may follow.
            Members.Company c = await members.CompanyAsync(companyJoined.CompanyId, ct).ConfigureAwait(false);
            return new(ProcurementEvents.CompanyJoined, ProcurementEventPayloads.Company(new Company(c.CompanyId, c.Name, Time(c.JoinedAt), null, SupplierEvaluation.None)));
        }

        return Members.CompanyRemovedEvent.TryDecode(log, out Members.CompanyRemovedEvent? removed)
            // At the block: a removed company's open orders still arrive or are cancelled later, and rate it.
            ? new(ProcurementEvents.CompanyRemoved, ProcurementEventPayloads.Company((await adapter.CompanyAsync(removed.CompanyId, log.BlockNumber, ct).ConfigureAwait(false))!))
            : null;
    }

    private async Task<LedgerEventContent?> MarketAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken ct)
    {
        Market market = adapter.Market(null);
        if (Market.QuotationCreatedEvent.TryDecode(log, out Market.QuotationCreatedEvent? created))
        {
            return new(ProcurementEvents.QuotationCreated, await VersionAsync(market, created.QuotationId, created.Version, ct).ConfigureAwait(false));
        }

        if (Market.QuotationRevisedEvent.TryDecode(log, out Market.QuotationRevisedEvent? revised))
        {
            return new(ProcurementEvents.QuotationRevised, await VersionAsync(market, revised.QuotationId, revised.Version, ct).ConfigureAwait(false));
        }

        if (Market.QuotationApprovedEvent.TryDecode(log, out Market.QuotationApprovedEvent? approved))
        {
            DateTimeOffset at = await adapter.TimeOfBlockAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return new(ProcurementEvents.QuotationApproved, ProcurementEventPayloads.Approval(new QuotationApproval((long)approved.QuotationId, approved.CompanyId, approved.Buyer, QuotationStatus.Approved, at)));
        }

        if (Market.ApprovalWithdrawnEvent.TryDecode(log, out Market.ApprovalWithdrawnEvent? withdrawn))
        {
            DateTimeOffset at = await adapter.TimeOfBlockAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return new(ProcurementEvents.ApprovalWithdrawn, ProcurementEventPayloads.Approval(new QuotationApproval((long)withdrawn.QuotationId, withdrawn.CompanyId, withdrawn.Buyer, QuotationStatus.NotApproved, at)));
        }

        if (Market.MaterialConsumedEvent.TryDecode(log, out Market.MaterialConsumedEvent? consumed))
        {
            return new(ProcurementEvents.MaterialConsumed, ProcurementEventPayloads.Consumption(new MaterialConsumption(consumed.MachineId, consumed.MaterialNumber, (long)consumed.Quantity, (long)consumed.Stock)));
        }

        if (Market.MachineRegisteredEvent.TryDecode(log, out Market.MachineRegisteredEvent? registered))
        {
            return new(ProcurementEvents.MachineRegistered, ProcurementEventPayloads.Machine(await RegisteredMachineAsync(log, registered.MachineId, ct).ConfigureAwait(false)));
        }

        if (Market.SupplierRatedEvent.TryDecode(log, out Market.SupplierRatedEvent? rated))
        {
            // The payload holds the company's removal time as it stood then. A removal is final, so a company not removed
            // now was not removed then, which any node can tell; only a removed one is read at the block, to see whether
            // this rating came before or after its removal.
            Members members = adapter.Members(null);
            Members.Company c = await members.CompanyAsync(rated.CompanyId, ct).ConfigureAwait(false);
            if (c.RemovedAt != 0)
            {
                c = await members.CompanyAsync(rated.CompanyId, log.BlockNumber, ct).ConfigureAwait(false);
            }

            var evaluation = new SupplierEvaluation((long)rated.Deliveries, (long)rated.OnTimeDeliveries, (long)rated.FailedDeliveries);
            return new(ProcurementEvents.SupplierRated, ProcurementEventPayloads.Company(new Company(c.CompanyId, c.Name, Time(c.JoinedAt), TimeOrNull(c.RemovedAt), evaluation)));
        }

        if (Market.OrderPlacedEvent.TryDecode(log, out Market.OrderPlacedEvent? placed))
        {
            return new(ProcurementEvents.OrderPlaced, ProcurementEventPayloads.Order((await OrderAsync(log, placed.OrderId, ct).ConfigureAwait(false)) with { Status = OrderStatus.Open, ClosedAt = null, OnTime = null }));
        }

        if (Market.OrderDeliveredEvent.TryDecode(log, out Market.OrderDeliveredEvent? delivered))
        {
            return new(ProcurementEvents.OrderDelivered, ProcurementEventPayloads.Order(await OrderAsync(log, delivered.OrderId, ct).ConfigureAwait(false)));
        }

        if (Market.OrderCancelledEvent.TryDecode(log, out Market.OrderCancelledEvent? cancelled))
        {
            return new(ProcurementEvents.OrderCancelled, ProcurementEventPayloads.Order(await OrderAsync(log, cancelled.OrderId, ct).ConfigureAwait(false)));
        }

        return await EscrowAsync(log, transactionLogs, ct).ConfigureAwait(false);
    }

    // The escrow's logs name it by keccak(order id); the order's own log in the same transaction names the id.
    private async Task<LedgerEventContent?> EscrowAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken ct)
    {
        (string Name, Hash32 Id)? escrow =
            Market.EscrowLockedEvent.TryDecode(log, out Market.EscrowLockedEvent? locked) ? (ProcurementEvents.EscrowLocked, locked.Id)
            : Market.EscrowReleasedEvent.TryDecode(log, out Market.EscrowReleasedEvent? released) ? (ProcurementEvents.EscrowReleased, released.Id)
            : Market.EscrowRefundedEvent.TryDecode(log, out Market.EscrowRefundedEvent? refunded) ? (ProcurementEvents.EscrowRefunded, refunded.Id)
            : null;
        if (escrow is not { } found || OrderIdIn(transactionLogs) is not { } orderId || Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(orderId)) != found.Id)
        {
            return null;
        }

        // Written at the lock and closed once: an open escrow's status is set here, a closed one never changes again.
        Market.EscrowRecord r = await adapter.Market(null).EscrowAsync(found.Id, ct).ConfigureAwait(false);
        EscrowStatus status = found.Name == ProcurementEvents.EscrowLocked ? EscrowStatus.Open : (EscrowStatus)r.Status;
        var record = new EscrowRecord(orderId, r.Payer, r.Payee, r.Amount, Time(r.RefundableFrom), status, Time(r.LockedAt), status == EscrowStatus.Open ? null : Time(r.ClosedAt));
        return new(found.Name, ProcurementEventPayloads.Escrow(record));
    }

    private static string? OrderIdIn(IReadOnlyList<EthereumLog> logs)
    {
        foreach (EthereumLog other in logs)
        {
            if (Market.OrderPlacedEvent.TryDecode(other, out Market.OrderPlacedEvent? placed))
            {
                return placed.OrderId;
            }

            if (Market.OrderDeliveredEvent.TryDecode(other, out Market.OrderDeliveredEvent? delivered))
            {
                return delivered.OrderId;
            }

            if (Market.OrderCancelledEvent.TryDecode(other, out Market.OrderCancelledEvent? cancelled))
            {
                return cancelled.OrderId;
            }
        }

        return null;
    }

    private async Task<LedgerEventContent?> BookAsync(EthereumLog log, CancellationToken ct)
    {
        if (Book.ServiceBookedEvent.TryDecode(log, out Book.ServiceBookedEvent? booked))
        {
            // Written once at the booking; its closing the payload leaves out.
            Book.ServiceOrder s = await adapter.Book(await SenderAsync(log, ct).ConfigureAwait(false)).ServiceOrderAsync(booked.ServiceId, ct).ConfigureAwait(false);
            return new(ProcurementEvents.ServiceBooked, ProcurementEventPayloads.Service(ServiceOf(s)! with { Status = ServiceStatus.Booked, ClosedAt = null }));
        }

        if (Book.MaintenanceRecordedEvent.TryDecode(log, out Book.MaintenanceRecordedEvent? recorded))
        {
            var notice = new MaintenanceNotice(recorded.MachineId, (long)recorded.Sequence, recorded.Hash, NoneAsNull(recorded.ServiceId));
            return new(ProcurementEvents.MaintenanceRecorded, ProcurementEventPayloads.Maintenance(notice));
        }

        // A grant event's record is the grant as it then stood: granted with no revocation, or revoked at the block's time.
        // At the block: a grant revoked and granted again is overwritten, by another admin at another time.
        bool granted = Book.BookAccessGrantedEvent.TryDecode(log, out Book.BookAccessGrantedEvent? grant);
        (string MachineId, Address Grantee)? changed = granted ? (grant!.MachineId, grant.Grantee)
            : Book.BookAccessRevokedEvent.TryDecode(log, out Book.BookAccessRevokedEvent? revoke) ? (revoke.MachineId, revoke.Grantee)
            : null;
        if (changed is not { } g)
        {
            return null;
        }

        Book.Grant current = (await adapter.Book(null).GrantsAsync(g.MachineId, log.BlockNumber, ct).ConfigureAwait(false)).Single(x => x.Grantee == g.Grantee);
        DateTimeOffset at = await adapter.TimeOfBlockAsync(log.BlockNumber, ct).ConfigureAwait(false);
        BookGrant record = granted ? new BookGrant(g.MachineId, g.Grantee, current.GrantedBy, at, null) : GrantOf(current) with { RevokedAt = at };
        return new(granted ? ProcurementEvents.BookAccessGranted : ProcurementEvents.BookAccessRevoked, ProcurementEventPayloads.Grant(record));
    }

    // A quotation version never changes once made.
    private static async Task<string> VersionAsync(Market market, ulong quotationId, uint version, CancellationToken ct) =>
        ProcurementEventPayloads.Quotation(QuotationOf(await market.QuotationVersionAsync(quotationId, version, ct).ConfigureAwait(false))!);

    // An order's terms, machine and quotation version never change; its closing happens once and is final.
    private async Task<PurchaseOrder> OrderAsync(EthereumLog log, string orderId, CancellationToken ct) =>
        (await adapter.OrderAsync(await SenderAsync(log, ct).ConfigureAwait(false), orderId, ct).ConfigureAwait(false))!;

    // A machine as registered: its slots from the registration's input, the rest (never changed) from the latest state.
    // A registration through another contract leaves no input of its own: then the machine as of the log's block.
    private async Task<Machine> RegisteredMachineAsync(EthereumLog log, string machineId, CancellationToken ct)
    {
        object[]? call = await adapter.DirectCallOfAsync(log, RegisterMachine, ct).ConfigureAwait(false);
        Market.Slot[]? slots = call is null ? null : [.. ((object[])call[2]).Select(slot => Market.Slot.FromAbi((object[])slot))];
        Market.Machine m = await adapter.Market(null).MachineAsync(machineId, slots is null ? log.BlockNumber : null, ct).ConfigureAwait(false);
        // The payload is the machine as registered: no maintenance and an empty book yet.
        return MachineOf(slots is null ? m : m with { Slots = slots }, new Book.BookStateOutput(0, 0));
    }

    // The account that sent the log's transaction: the machine or engineer the contract let act, who may read what it did.
    private async Task<ISigner> SenderAsync(EthereumLog log, CancellationToken ct)
    {
        JsonElement transaction = await clients.Rpc.CallAsync("eth_getTransactionByHash", [log.TransactionHash.ToString()], ct).ConfigureAwait(false);
        return new ReadIdentity(Address.Parse(transaction.GetProperty("from").GetString()!));
    }
}
