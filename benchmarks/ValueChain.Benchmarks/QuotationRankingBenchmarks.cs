using BenchmarkDotNet.Attributes;
using ValueChain.Procurement;

namespace ValueChain.Benchmarks;

/// <summary>
/// A machine's choice among 10 000 quotations: R = e / p by integer cross-multiplication (the target: under 1 ms).
/// Prices and rates are seeded; a share of prices lies past 2^114, where the comparison leaves 128-bit integers.
/// </summary>
public class QuotationRankingBenchmarks
{
    private RankingCandidate[] _candidates = [];

    /// <summary>How many quotations are ranked.</summary>
    [Params(10_000)]
    public int Quotations { get; set; }

    /// <summary>The share of prices past the 128-bit fast path, in percent.</summary>
    [Params(0, 10)]
    public int BigPricePercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _candidates = [.. Enumerable.Range(1, Quotations).Select(i => new RankingCandidate(i, 1,
            random.Next(100) < BigPricePercent ? new UInt256(System.Numerics.BigInteger.One << 200) + (ulong)random.NextInt64(1, long.MaxValue) : (ulong)random.NextInt64(1, 1_000_000),
            random.Next(0, 10_001)))];
    }

    [Benchmark]
    public RankingCandidate? Best() => QuotationRanking.Best(_candidates);
}
