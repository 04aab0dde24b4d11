using ValueChain.Ledger.Ethereum;
using ValueChain.Traceability.Ethereum.Contracts;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

namespace ValueChain.Traceability.Ethereum;

/// <summary>
/// Rebuilds the Traceability chaincode's events from the contracts' logs with the names and payloads the
/// reference chaincode emits (<see cref="TraceabilityEventPayloads"/>), so that readers of events — the ERP
/// projection above all — work unchanged on Ethereum. What a log leaves out is taken from the same
/// transaction's history logs (locations), from the block (times) or from contract state that never changes once
/// written, read at the latest state (the rule of <see cref="ApplicationAdapter"/>): a delivery's parts, a correction's
/// reason, a revoked participant (revoked once, never re-admitted), and the first n approvals of an invitation or
/// correction (approvals only grow; the log counts n). None of it is read at the log's block, so a read model that
/// replays from genesis works on any node, not only on an archive node.
/// </summary>
internal sealed class TraceabilityEventTranslator(SignerClients clients, TraceabilityContracts contracts)
{
    /// <summary><paramref name="log"/> as the chaincode's event; <paramref name="all"/> are the application's logs of its transaction.</summary>
    public async Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> all, CancellationToken ct) =>
        await ContentOfAsync(log, all, ct).ConfigureAwait(false) is { } content ? new LedgerEventContent(content.Name, content.Payload) : null;

    private async Task<(string Name, string Payload)?> ContentOfAsync(EthereumLog log, IReadOnlyList<EthereumLog> all, CancellationToken ct)
    {
        if (log.Address == contracts.Corrections)
        {
            if (TraceabilityCorrections.OwnershipCorrectedEvent.TryDecode(log, out TraceabilityCorrections.OwnershipCorrectedEvent? corrected))
            {
                return (TraceabilityEvents.OwnershipCorrected, TraceabilityEventPayloads.CustodyMoved(new CustodyMove(corrected.CorrectionId, [corrected.PartId], corrected.From, corrected.To, (PartStatus)corrected.Status)));
            }

            if (TraceabilityCorrections.CorrectionProposedEvent.TryDecode(log, out TraceabilityCorrections.CorrectionProposedEvent? proposed))
            {
                TraceabilityCorrections.Correction stored = await new TraceabilityCorrections(clients.Reader, contracts.Corrections).CorrectionAsync(proposed.CorrectionId, ct).ConfigureAwait(false);
                var correction = new OwnershipCorrection(proposed.CorrectionId, proposed.PartId, proposed.From, proposed.To, stored.Reason, [.. stored.Approvals.Take((int)(ulong)proposed.Approvals)], proposed.Applied);
                return (TraceabilityEvents.CorrectionProposed, TraceabilityEventPayloads.CorrectionProposed(correction));
            }

            return null;
        }

        if (log.Address != contracts.Traceability)
        {
            return null;
        }

        var chain = new OnChain(clients.Reader, contracts.Traceability);
        if (OnChain.PartsRegisteredEvent.TryDecode(log, out OnChain.PartsRegisteredEvent? registered))
        {
            DateTimeOffset time = await BlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false);
            Part[] parts = [.. registered.Parts.Select(p => new Part(p.PartId, p.PartNumber, p.BatchNumber, registered.Manufacturer, registered.Manufacturer, (PartKind)p.Kind, PartStatus.Active, time, null))];
            return (TraceabilityEvents.PartsRegistered, TraceabilityEventPayloads.PartsRegistered(parts));
        }

        if (OnChain.PartsAssembledEvent.TryDecode(log, out OnChain.PartsAssembledEvent? assembled))
        {
            return (TraceabilityEvents.PartsAssembled, TraceabilityEventPayloads.PartsAssembled(assembled.AssemblyId, assembled.ComponentIds, LocationInTransaction(log, all)));
        }

        if (OnChain.PartScannedEvent.TryDecode(log, out OnChain.PartScannedEvent? scanned))
        {
            return (TraceabilityEvents.PartScanned, TraceabilityEventPayloads.PartScanned(scanned.PartId, TraceabilityEthereumAdapter.LocationOf(scanned.Location)));
        }

        if (OnChain.BatchRecalledEvent.TryDecode(log, out OnChain.BatchRecalledEvent? recalled))
        {
            // In id order, as the chaincode walks its batch index (the contract keeps registration order).
            return (TraceabilityEvents.BatchRecalled, TraceabilityEventPayloads.BatchRecalled(new BatchRecall(recalled.BatchNumber, [.. recalled.PartIds.Order(StringComparer.Ordinal)])));
        }

        if (OnChain.PickedUpEvent.TryDecode(log, out OnChain.PickedUpEvent? picked))
        {
            var partIds = await chain.DeliveryPartIdsAsync(picked.DeliveryId, ct).ConfigureAwait(false);
            return (TraceabilityEvents.PickedUp, TraceabilityEventPayloads.CustodyMoved(new CustodyMove(picked.DeliveryId, partIds, picked.From, picked.To, PartStatus.InTransit)));
        }

        if (OnChain.DeliveryAcceptedEvent.TryDecode(log, out OnChain.DeliveryAcceptedEvent? accepted))
        {
            var partIds = await chain.DeliveryPartIdsAsync(accepted.DeliveryId, ct).ConfigureAwait(false);
            return (TraceabilityEvents.DeliveryAccepted, TraceabilityEventPayloads.CustodyMoved(new CustodyMove(accepted.DeliveryId, partIds, accepted.From, accepted.To, PartStatus.Active)));
        }

        if (OnChain.HandoverRejectedEvent.TryDecode(log, out OnChain.HandoverRejectedEvent? rejected))
        {
            DateTimeOffset time = await BlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return (TraceabilityEvents.HandoverRejected, TraceabilityEventPayloads.HandoverRejected(TraceabilityEthereumAdapter.RejectionOf(rejected, time)));
        }

        if (OnChain.OrderPlacedEvent.TryDecode(log, out OnChain.OrderPlacedEvent? placed))
        {
            return (TraceabilityEvents.OrderPlaced, TraceabilityEventPayloads.Id(placed.OrderId));
        }

        if (OnChain.OrderDeclinedEvent.TryDecode(log, out OnChain.OrderDeclinedEvent? declined))
        {
            return (TraceabilityEvents.OrderDeclined, TraceabilityEventPayloads.Id(declined.OrderId));
        }

        if (OnChain.DeliveryCreatedEvent.TryDecode(log, out OnChain.DeliveryCreatedEvent? created))
        {
            return (TraceabilityEvents.DeliveryCreated, TraceabilityEventPayloads.Id(created.DeliveryId));
        }

        if (OnChain.ParticipantJoinedEvent.TryDecode(log, out OnChain.ParticipantJoinedEvent? joined))
        {
            DateTimeOffset time = await BlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return (TraceabilityEvents.ParticipantJoined, TraceabilityEventPayloads.Participant(new Participant(joined.Account, joined.Name, (ParticipantRole)joined.Role, joined.IsAdmin, time, null)));
        }

        if (OnChain.ParticipantRevokedEvent.TryDecode(log, out OnChain.ParticipantRevokedEvent? revoked))
        {
            OnChain.Participant p = await chain.ParticipantAsync(revoked.Account, ct).ConfigureAwait(false);
            DateTimeOffset time = await BlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return (TraceabilityEvents.ParticipantRevoked, TraceabilityEventPayloads.Participant(
                new Participant(p.Account, p.Name, (ParticipantRole)p.Role, p.IsAdmin, DateTimeOffset.FromUnixTimeSeconds((long)p.JoinedAt), time)));
        }

        if (OnChain.ParticipantInvitedEvent.TryDecode(log, out OnChain.ParticipantInvitedEvent? invited))
        {
            return (TraceabilityEvents.ParticipantInvited, TraceabilityEventPayloads.Invitation(
                new Invitation(invited.Invitee, invited.Name, (ParticipantRole)invited.Role, invited.GrantAdmin, invited.InvitedBy, [invited.InvitedBy], InvitationStatus.Pending)));
        }

        if (OnChain.InvitationApprovedEvent.TryDecode(log, out OnChain.InvitationApprovedEvent? approved))
        {
            OnChain.Invitation i = await chain.InvitationAsync(approved.Invitee, ct).ConfigureAwait(false);
            return (TraceabilityEvents.InvitationApproved, TraceabilityEventPayloads.Invitation(
                new Invitation(i.Invitee, i.Name, (ParticipantRole)i.Role, i.GrantAdmin, i.InvitedBy, [.. i.Approvals.Take((int)(ulong)approved.Approvals)], InvitationStatus.Pending)));
        }

        return null;
    }

    // An assembly's location: the one its history entries of the same transaction carry.
    private static Location LocationInTransaction(EthereumLog log, IReadOnlyList<EthereumLog> all)
    {
        foreach (EthereumLog other in all.Where(l => l.TransactionHash == log.TransactionHash))
        {
            if (OnChain.PartEventRecordedEvent.TryDecode(other, out OnChain.PartEventRecordedEvent? entry) && entry.Located)
            {
                return TraceabilityEthereumAdapter.LocationOf(entry.Location);
            }
        }

        return new Location(default);
    }

    private Task<DateTimeOffset> BlockTimeAsync(ulong block, CancellationToken ct) => clients.Reader.GetBlockTimeAsync(block, ct);
}
