namespace ValueChain.Procurement;

/// <summary>A selectable quotation with the supplier rate it was ranked by.</summary>
/// <param name="Quotation">The quotation's latest version.</param>
/// <param name="Rate">The supplier's on-time rate in basis points, or the starting rate without history.</param>
public sealed record RankedQuotation(Quotation Quotation, int Rate)
{
    /// <summary>The candidate <see cref="QuotationRanking"/> compares.</summary>
    public RankingCandidate Candidate => new(Quotation.QuotationId, Quotation.Version, Quotation.PricePerUnit, Rate);
}
