using System.Numerics;

namespace ValueChain.Procurement;

/// <summary>
/// The machines' choice of supplier, a pure function: R(j) = e(j) / p(i) with e the supplier's on-time rate
/// and p the price, highest first; equal ranks go to the lower price, then to the earlier quotation. Ranks are
/// compared by integer cross-multiplication (e₁·p₂ against e₂·p₁), never by division or floating point, so that
/// every machine and every ledger agrees.
/// </summary>
public static class QuotationRanking
{
    // e < 2^14, so e · p fits 128 bits while p < 2^114: the common case needs no big integers.
    private static readonly BigInteger FastPriceLimit = BigInteger.One << 114;

    /// <summary>Compares two candidates: below zero when <paramref name="a"/> ranks before <paramref name="b"/>, zero only for the same id.</summary>
    /// <exception cref="ArgumentException">A price is zero or a rate is outside 0 to 10 000.</exception>
    public static int Compare(RankingCandidate a, RankingCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compare(Ranked.From(a), Ranked.From(b));
    }

    /// <summary>The best candidate, or null when there is none.</summary>
    /// <exception cref="ArgumentException">A price is zero or a rate is outside 0 to 10 000.</exception>
    public static RankingCandidate? Best(IEnumerable<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Ranked? best = null;
        foreach (RankingCandidate candidate in candidates)
        {
            var ranked = Ranked.From(candidate);
            if (best is null || Compare(ranked, best.Value) < 0)
            {
                best = ranked;
            }
        }

        return best?.Candidate;
    }

    /// <summary>Every candidate, best first.</summary>
    /// <exception cref="ArgumentException">A price is zero or a rate is outside 0 to 10 000.</exception>
    public static IReadOnlyList<RankingCandidate> Order(IEnumerable<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Ranked[] ranked = [.. candidates.Select(Ranked.From)];
        Array.Sort(ranked, Compare);
        return [.. ranked.Select(r => r.Candidate)];
    }

    private static int Compare(Ranked a, Ranked b)
    {
        // a ranks first when e_a / p_a > e_b / p_b, that is e_a · p_b > e_b · p_a.
        int byRank = a.Fast && b.Fast
            ? ((UInt128)(uint)b.Candidate.Rate * a.Price).CompareTo((UInt128)(uint)a.Candidate.Rate * b.Price)
            : (b.Candidate.Rate * a.Candidate.PricePerUnit.Value).CompareTo(a.Candidate.Rate * b.Candidate.PricePerUnit.Value);
        if (byRank != 0)
        {
            return byRank;
        }

        int byPrice = a.Candidate.PricePerUnit.CompareTo(b.Candidate.PricePerUnit);
        return byPrice != 0 ? byPrice : a.Candidate.QuotationId.CompareTo(b.Candidate.QuotationId);
    }

    private readonly record struct Ranked(RankingCandidate Candidate, bool Fast, UInt128 Price)
    {
        public static Ranked From(RankingCandidate candidate)
        {
            ArgumentNullException.ThrowIfNull(candidate);
            if (candidate.PricePerUnit.IsZero)
            {
                throw new ArgumentException($"Quotation {candidate.QuotationId} has a price of zero; ranking divides by the price.", nameof(candidate));
            }

            if (candidate.Rate is < 0 or > SupplierEvaluation.FullRate)
            {
                throw new ArgumentException($"Quotation {candidate.QuotationId} has the rate {candidate.Rate}; rates are 0 to 10000 basis points.", nameof(candidate));
            }

            BigInteger price = candidate.PricePerUnit.Value;
            return price < FastPriceLimit ? new Ranked(candidate, true, (UInt128)price) : new Ranked(candidate, false, 0);
        }
    }
}
