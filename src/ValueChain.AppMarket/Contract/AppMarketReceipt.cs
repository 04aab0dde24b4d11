using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>What a marketplace command returns: where it was recorded and the events it emitted.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="BlockNumber">Its block.</param>
/// <param name="Events">Its events.</param>
/// <param name="Settlements">For a usage settlement, what each report did (paid, or why not), in order; empty otherwise.</param>
public sealed record AppMarketReceipt(TxId TransactionId, long BlockNumber, IReadOnlyList<LedgerEvent> Events, IReadOnlyList<UsageSettlement> Settlements);
