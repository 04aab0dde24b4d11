namespace ValueChain.V2V;

/// <summary>The matching rule's parameters, fixed at deployment (<see cref="V2VOptions"/>).</summary>
/// <param name="RadiusMetres">How near (after prediction) a report must be to an obstacle to match it.</param>
/// <param name="WindowMilliseconds">How far apart in detection time a report and an obstacle's latest detection may be.</param>
public sealed record MatchingRules(int RadiusMetres, long WindowMilliseconds)
{
    /// <summary>The defaults: 25 m and 5 minutes.</summary>
    public static MatchingRules Default { get; } = new(25, 300_000);
}
