using System.Numerics;
using CsCheck;

namespace ValueChain.Procurement.Tests;

public sealed class RankingTests
{
    private static RankingCandidate Candidate(long id, ulong price, int rate) => new(id, 1, price, rate);

    [Fact]
    public void The_highest_rate_per_price_wins_then_the_lower_price_then_the_earlier_quotation()
    {
        Assert.Equal(2, QuotationRanking.Best([Candidate(1, 10, 5_000), Candidate(2, 10, 6_000)])!.QuotationId);
        Assert.Equal(1, QuotationRanking.Best([Candidate(1, 9, 5_000), Candidate(2, 10, 5_000)])!.QuotationId);
        // 8000/20 = 4000/10: the same rank, so the lower price wins.
        Assert.Equal(2, QuotationRanking.Best([Candidate(1, 20, 8_000), Candidate(2, 10, 4_000)])!.QuotationId);
        Assert.Equal(3, QuotationRanking.Best([Candidate(5, 10, 4_000), Candidate(3, 10, 4_000)])!.QuotationId);
        Assert.Equal(1, QuotationRanking.Best([Candidate(1, 1, 0), Candidate(2, 2, 0)])!.QuotationId);
        Assert.Null(QuotationRanking.Best([]));
    }

    [Fact]
    public void Prices_past_the_fast_range_are_compared_exactly_too()
    {
        UInt256 big = new(BigInteger.One << 200);
        UInt256 bigger = new((BigInteger.One << 200) + 1);
        Assert.Equal(1, QuotationRanking.Best([new RankingCandidate(1, 1, big, 10_000), new RankingCandidate(2, 1, bigger, 10_000)])!.QuotationId);
        Assert.Equal(2, QuotationRanking.Best([new RankingCandidate(1, 1, UInt256.MaxValue, 10_000), new RankingCandidate(2, 1, 1UL << 60, 1)])!.QuotationId);
        Assert.True(QuotationRanking.Compare(new RankingCandidate(1, 1, (ulong)1 << 63, 3), new RankingCandidate(2, 1, big, 9_999)) < 0);
    }

    [Fact]
    public void A_zero_price_or_a_rate_outside_basis_points_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QuotationRanking.Best([Candidate(1, 0, 5_000)]));
        Assert.Throws<ArgumentException>(() => QuotationRanking.Best([Candidate(1, 5, 10_001)]));
        Assert.Throws<ArgumentException>(() => QuotationRanking.Best([Candidate(1, 5, -1)]));
    }

    [Fact]
    public void The_ranking_matches_an_exact_rational_reference_on_random_inputs()
    {
        // Prices from small to past 2^114 (the fast path's limit) and rates from 0 to 100 %; ids distinct.
        Gen<UInt256> price = Gen.OneOf(Gen.ULong[1, 50].Select(p => (UInt256)p), Gen.ULong[1, ulong.MaxValue].Select(p => (UInt256)p),
            Gen.Select(Gen.ULong, Gen.ULong, Gen.Int[0, 128]).Select((hi, lo, shift) => new UInt256(BigInteger.Max(BigInteger.One, ((new BigInteger(hi) << 64) + lo) << shift))));
        Gen<int> rate = Gen.OneOf(Gen.Int[0, 10_000], Gen.Int[4_990, 5_010]);
        Gen.Select(price, rate).Array[0, 40].Sample(pairs =>
        {
            RankingCandidate[] candidates = [.. pairs.Select((p, i) => new RankingCandidate(i + 1, 1, p.Item1, p.Item2))];
            RankingCandidate[] reference = [.. candidates.OrderByDescending(c => new Rational(c.Rate, c.PricePerUnit.Value)).ThenBy(c => c.PricePerUnit).ThenBy(c => c.QuotationId)];

            Assert.Equal(reference.Select(c => c.QuotationId), QuotationRanking.Order(candidates).Select(c => c.QuotationId));
            Assert.Equal(reference.FirstOrDefault()?.QuotationId, QuotationRanking.Best(candidates)?.QuotationId);
        }, iter: 2_000);
    }

    /// <summary>The reference: an exact fraction in lowest terms, ordered by comparing its continued-fraction-free value e/p through reduced numerators.</summary>
    private readonly record struct Rational : IComparable<Rational>
    {
        public Rational(BigInteger numerator, BigInteger denominator)
        {
            BigInteger gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            (Numerator, Denominator) = gcd.IsZero ? (BigInteger.Zero, BigInteger.One) : (numerator / gcd, denominator / gcd);
        }

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }

        // Integer part first, then the remainders' fractions recursively: an ordering independent of cross-multiplying the originals.
        public int CompareTo(Rational other)
        {
            BigInteger a = BigInteger.DivRem(Numerator, Denominator, out BigInteger ra);
            BigInteger b = BigInteger.DivRem(other.Numerator, other.Denominator, out BigInteger rb);
            if (a != b)
            {
                return a.CompareTo(b);
            }

            if (ra.IsZero || rb.IsZero)
            {
                return ra.CompareTo(rb);
            }

            // ra/d1 against rb/d2 is d2/rb against d1/ra, reversed.
            return new Rational(other.Denominator, rb).CompareTo(new Rational(Denominator, ra));
        }
    }
}
