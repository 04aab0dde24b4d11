using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>What the ledger recorded for an obstacle-map command.</summary>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="Events">The events it emitted (<see cref="V2VEvents"/>).</param>
/// <param name="Outcomes">For anchoring, what the matching decided for each report, in order; empty otherwise.</param>
/// <param name="BatchRoot">For batch anchoring, the batch's Merkle root.</param>
public sealed record V2VReceipt(TxId TransactionId, long BlockNumber, IReadOnlyList<LedgerEvent> Events, IReadOnlyList<AnchorOutcome> Outcomes, Hash32? BatchRoot = null);
