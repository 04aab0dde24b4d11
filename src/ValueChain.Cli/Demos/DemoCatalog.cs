namespace ValueChain.Cli.Demos;

/// <summary>The demos that <c>valuechain demo</c> offers, in the order <c>demo all</c> runs them.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<IDemo> All { get; } =
    [
        new IdentityDemo(),
        new LedgerDemo(),
        new TraceabilityDemo(),
        new FlexibilityDemo(),
        new ProcurementDemo(),
        new V2VDemo(),
        new AppMarketDemo(),
    ];

    public static IDemo? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
