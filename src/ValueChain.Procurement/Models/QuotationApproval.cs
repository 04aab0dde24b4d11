namespace ValueChain.Procurement;

/// <summary>A quotation's approval for one company, or its withdrawal (the payload of both events).</summary>
/// <param name="QuotationId">The quotation.</param>
/// <param name="CompanyId">The company whose machines may (or may no longer) order it.</param>
/// <param name="Buyer">The buyer who approved or withdrew.</param>
/// <param name="Status">The status after the change.</param>
/// <param name="At">The ledger time of the change.</param>
public sealed record QuotationApproval(long QuotationId, string CompanyId, Address Buyer, QuotationStatus Status, DateTimeOffset At);
