using ValueChain.Ledger;

namespace ValueChain.Flexibility;

/// <summary>What a market command returns: where it was recorded and the events it emitted.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="BlockNumber">Its block.</param>
/// <param name="Events">Its events.</param>
/// <param name="OfferId">The new offer's id, for an offer.</param>
/// <param name="Rejection">The recorded rejection of a payment request that paid nothing, or null.</param>
public sealed record FlexibilityReceipt(TxId TransactionId, long BlockNumber, IReadOnlyList<LedgerEvent> Events, long? OfferId = null, PaymentRejection? Rejection = null);
