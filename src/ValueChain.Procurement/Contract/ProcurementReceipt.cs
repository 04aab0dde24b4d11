using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>What a marketplace command returns: where it was recorded and the events it emitted.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="BlockNumber">Its block.</param>
/// <param name="Events">Its events.</param>
/// <param name="QuotationId">The new quotation's id, for a quotation's creation.</param>
public sealed record ProcurementReceipt(TxId TransactionId, long BlockNumber, IReadOnlyList<LedgerEvent> Events, long? QuotationId = null);
