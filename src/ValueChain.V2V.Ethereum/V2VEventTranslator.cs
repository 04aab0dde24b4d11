using ValueChain.Ledger.Ethereum;
using ValueChain.V2V.Ethereum.Contracts;

namespace ValueChain.V2V.Ethereum;

/// <summary>
/// Rebuilds the chaincode's events (<see cref="V2VEvents"/>, payloads by <see cref="V2VEventPayloads"/>) from V2VMap's
/// logs, which carry every field the payloads hold.
/// </summary>
internal static class V2VEventTranslator
{
    public static LedgerEventContent? Translate(EthereumLog log)
    {
        if (V2VMap.ReportAnchoredEvent.TryDecode(log, out V2VMap.ReportAnchoredEvent? anchored))
        {
            return new(V2VEvents.ReportAnchored, V2VEventPayloads.Anchored(new AnchorOutcome(anchored.Digest, (long)anchored.ObstacleId, anchored.Mapped, anchored.Confirmed, (long)anchored.Sequence)));
        }

        if (V2VMap.ObstacleMappedEvent.TryDecode(log, out V2VMap.ObstacleMappedEvent? mapped))
        {
            return new(V2VEvents.ObstacleMapped, V2VEventPayloads.Mapped(V2VEthereumAdapter.ObstacleOf(mapped.Obstacle)));
        }

        if (V2VMap.ObstacleConfirmedEvent.TryDecode(log, out V2VMap.ObstacleConfirmedEvent? confirmed))
        {
            return new(V2VEvents.ObstacleConfirmed, V2VEventPayloads.Confirmation(new ObstacleConfirmation((long)confirmed.ObstacleId, confirmed.Digest, confirmed.Reporter, confirmed.FirstReporter, confirmed.Counted)));
        }

        if (V2VMap.ObstacleExpiredEvent.TryDecode(log, out V2VMap.ObstacleExpiredEvent? expired))
        {
            return new(V2VEvents.ObstacleExpired, V2VEventPayloads.Closure(new ObstacleClosure((long)expired.ObstacleId, expired.FirstReporter, (int)expired.Confirmations, expired.By)));
        }

        if (V2VMap.ObstacleNegatedEvent.TryDecode(log, out V2VMap.ObstacleNegatedEvent? negated))
        {
            return new(V2VEvents.ObstacleNegated, V2VEventPayloads.Closure(new ObstacleClosure((long)negated.ObstacleId, negated.FirstReporter, (int)negated.Confirmations, negated.By)));
        }

        if (V2VMap.BatchAnchoredEvent.TryDecode(log, out V2VMap.BatchAnchoredEvent? batch))
        {
            return new(V2VEvents.BatchAnchored, V2VEventPayloads.Batch(V2VEthereumAdapter.BatchOf(batch.Root, batch.Size, batch.Submitter, batch.AnchoredAt, batch.FirstSequence)));
        }

        if (V2VMap.CertificateIssuedEvent.TryDecode(log, out V2VMap.CertificateIssuedEvent? issued))
        {
            return new(V2VEvents.CertificateIssued, V2VEventPayloads.Certificate(new PseudonymCertificate(issued.Pseudonym, V2VEthereumAdapter.Time(issued.ValidFrom), V2VEthereumAdapter.Time(issued.ValidUntil), false)));
        }

        return V2VMap.ExclusionEvent.TryDecode(log, out V2VMap.ExclusionEvent? excluded)
            ? new(V2VEvents.PseudonymExcluded, V2VEventPayloads.Certificate(new PseudonymCertificate(excluded.Pseudonym, V2VEthereumAdapter.Time(excluded.ValidFrom), V2VEthereumAdapter.Time(excluded.ValidUntil), true)))
            : null;
    }
}
