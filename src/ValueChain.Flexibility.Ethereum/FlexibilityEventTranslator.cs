using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Flexibility.Ethereum;

/// <summary>
/// Rebuilds the flexibility chaincode's events (<see cref="FlexibilityEvents"/>, payloads by
/// <see cref="FlexibilityEventPayloads"/>) from the market contracts' logs. What a log leaves out is taken from the
/// block (times), from the log (a payment's running totals, which the payload takes from the event rather than from
/// the contract) or from state that never changes once written, read at the latest state (the rule of
/// <see cref="ApplicationAdapter"/>): a structured offer's terms; a payment contract's parties, amounts and deadline;
/// a settled contract, which refuses every later payment. None of it is read at the log's block, so the payloads are
/// the chaincode's byte for byte however late they are translated, on any node.
/// </summary>
internal sealed class FlexibilityEventTranslator(SignerClients clients, FlexibilityContracts contracts)
{
    public async Task<LedgerEventContent?> TranslateAsync(EthereumLog log, CancellationToken ct)
    {
        if (log.Address == contracts.Whitelist)
        {
            return Whitelist(log);
        }

        if (log.Address == contracts.Token)
        {
            return Token(log);
        }

        return log.Address == contracts.Platform
            ? await PlatformAsync(log, ct).ConfigureAwait(false)
            : await PaymentAsync(log, ct).ConfigureAwait(false); // the platform's payment clones
    }

    private static LedgerEventContent? Whitelist(EthereumLog log)
    {
        if (FlexWhitelist.ParticipantAddedEvent.TryDecode(log, out FlexWhitelist.ParticipantAddedEvent? added))
        {
            return new(FlexibilityEvents.ParticipantAdded, FlexibilityEventPayloads.Participant(new MarketParticipant(added.Account, (MarketRole)added.Role, added.Name)));
        }

        if (FlexWhitelist.ParticipantRemovedEvent.TryDecode(log, out FlexWhitelist.ParticipantRemovedEvent? removed))
        {
            return new(FlexibilityEvents.ParticipantRemoved, FlexibilityEventPayloads.Participant(new MarketParticipant(removed.Account, (MarketRole)removed.Role, removed.Name)));
        }

        if (FlexWhitelist.MeterAddedEvent.TryDecode(log, out FlexWhitelist.MeterAddedEvent? meter))
        {
            return new(FlexibilityEvents.MeterAdded, FlexibilityEventPayloads.Meter(FlexibilityEthereumAdapter.MeterOf(meter.MeterId, meter.P256PublicKey, meter.Location)));
        }

        return FlexWhitelist.MeterRemovedEvent.TryDecode(log, out FlexWhitelist.MeterRemovedEvent? gone)
            ? new(FlexibilityEvents.MeterRemoved, FlexibilityEventPayloads.Meter(FlexibilityEthereumAdapter.MeterOf(gone.MeterId, gone.P256PublicKey, gone.Location)))
            : null;
    }

    private static LedgerEventContent? Token(EthereumLog log)
    {
        if (FlexToken.TransferEvent.TryDecode(log, out FlexToken.TransferEvent? transfer))
        {
            return new(FlexibilityEvents.Transfer, FlexibilityEventPayloads.Transfer(transfer.From, transfer.To, transfer.Value));
        }

        return FlexToken.ApprovalEvent.TryDecode(log, out FlexToken.ApprovalEvent? approval)
            ? new(FlexibilityEvents.Approval, FlexibilityEventPayloads.Approval(approval.Owner, approval.Spender, approval.Value))
            : null;
    }

    private async Task<LedgerEventContent?> PlatformAsync(EthereumLog log, CancellationToken ct)
    {
        if (FlexPlatform.OfferMadeEvent.TryDecode(log, out FlexPlatform.OfferMadeEvent? made))
        {
            long offerId = (long)(ulong)made.OfferId;
            FlexibilityOffer offer;
            if (made.Commitment.IsZero)
            {
                // A structured offer's terms never change once made; the rest is as every new offer is.
                FlexPlatform.Offer stored = await new FlexPlatform(clients.Reader, contracts.Platform).OfferAsync(made.OfferId, ct).ConfigureAwait(false);
                offer = FlexibilityEthereumAdapter.OfferOf(offerId, stored) with { Status = OfferStatus.Open, BestBidder = Address.Zero, BestPrice = UInt256.Zero, Bids = 0 };
            }
            else
            {
                // A committed offer shows no terms until its reveal.
                offer = new FlexibilityOffer(offerId, (long)made.Round, made.FleetOperator, made.Commitment, null, UInt256.Zero, UInt256.Zero, OfferStatus.Open, Address.Zero, UInt256.Zero, 0);
            }

            return new(FlexibilityEvents.OfferMade, FlexibilityEventPayloads.Offer(offer));
        }

        if (FlexPlatform.BidPlacedEvent.TryDecode(log, out FlexPlatform.BidPlacedEvent? bid))
        {
            return new(FlexibilityEvents.BidPlaced, FlexibilityEventPayloads.Bid((long)(ulong)bid.OfferId, bid.Price));
        }

        if (FlexPlatform.OfferExpiredEvent.TryDecode(log, out FlexPlatform.OfferExpiredEvent? expired))
        {
            return new(FlexibilityEvents.OfferExpired, FlexibilityEventPayloads.OfferId((long)(ulong)expired.OfferId));
        }

        return FlexPlatform.ContractCreatedEvent.TryDecode(log, out FlexPlatform.ContractCreatedEvent? created)
            ? new(FlexibilityEvents.ContractCreated, FlexibilityEventPayloads.Contract(new PaymentContract(
                (long)(ulong)created.OfferId, created.Buyer, created.FleetOperator, created.Payment, created.Price, created.Penalty,
                UInt256.Zero, UInt256.Zero, 0, DateTimeOffset.FromUnixTimeSeconds((long)created.Deadline), false)))
            : null;
    }

    private async Task<LedgerEventContent?> PaymentAsync(EthereumLog log, CancellationToken ct)
    {
        if (FlexPayment.PaymentMadeEvent.TryDecode(log, out FlexPayment.PaymentMadeEvent? paid))
        {
            // The parties, amounts and deadline never change; the totals are the event's, as they stood after this payment.
            PaymentContract contract = await FlexibilityEthereumAdapter.PaymentContractOfAsync(clients.Reader, (long)(ulong)paid.OfferId, log.Address, ct).ConfigureAwait(false);
            return new(FlexibilityEvents.PaymentMade, FlexibilityEventPayloads.Contract(
                contract with { Paid = paid.Paid, PenaltyReleased = paid.PenaltyReleased, DeliveredWh = paid.DeliveredWh, Settled = false }));
        }

        if (FlexPayment.PaymentRejectedEvent.TryDecode(log, out FlexPayment.PaymentRejectedEvent? rejected))
        {
            DateTimeOffset time = await clients.Reader.GetBlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false);
            return new(FlexibilityEvents.PaymentRejected, FlexibilityEventPayloads.Rejection(new PaymentRejection((long)(ulong)rejected.OfferId, (EtrRejection)rejected.Reason, rejected.Caller, time)));
        }

        if (FlexPayment.PenaltyEnforcedEvent.TryDecode(log, out FlexPayment.PenaltyEnforcedEvent? enforced))
        {
            // A settled contract never changes again: its state now is its state then.
            PaymentContract settled = await FlexibilityEthereumAdapter.PaymentContractOfAsync(clients.Reader, (long)(ulong)enforced.OfferId, log.Address, ct).ConfigureAwait(false);
            return new(FlexibilityEvents.PenaltyEnforced, FlexibilityEventPayloads.Contract(settled));
        }

        return null;
    }
}
