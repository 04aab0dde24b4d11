namespace ValueChain.V2V;

/// <summary>The 50th, 95th and 99th percentile of a set of latencies, in milliseconds (nearest rank), and how many there were.</summary>
/// <param name="Count">How many latencies.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
public sealed record LatencyPercentiles(int Count, double P50, double P95, double P99)
{
    /// <summary>The percentiles of <paramref name="milliseconds"/>; all zero when it is empty.</summary>
    public static LatencyPercentiles Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        double[] sorted = [.. milliseconds.Order()];
        double Rank(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99));
    }
}
