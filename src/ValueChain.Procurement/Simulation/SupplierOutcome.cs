namespace ValueChain.Procurement;

/// <summary>A supplier company at the end of the case study.</summary>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="LatePercent">Its seeded behaviour: the share of deliveries that arrive late.</param>
/// <param name="Evaluation">Its evaluation on the ledger.</param>
/// <param name="OrdersWon">How many orders the machines placed with it.</param>
/// <param name="Share">Its share of all orders, in basis points.</param>
public sealed record SupplierOutcome(string CompanyId, int LatePercent, SupplierEvaluation Evaluation, int OrdersWon, int Share);
