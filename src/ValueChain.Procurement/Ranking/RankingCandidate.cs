namespace ValueChain.Procurement;

/// <summary>A quotation as the ranking sees it: R = rate ÷ price, compared exactly.</summary>
/// <param name="QuotationId">The quotation; of otherwise equal candidates the lower (earlier) id wins.</param>
/// <param name="Version">The version ranked (the one to order).</param>
/// <param name="PricePerUnit">The price p, above zero.</param>
/// <param name="Rate">The supplier's on-time rate e in basis points (0 to 10 000), or the starting rate without history.</param>
public sealed record RankingCandidate(long QuotationId, int Version, UInt256 PricePerUnit, int Rate);
