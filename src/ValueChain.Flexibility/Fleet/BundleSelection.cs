namespace ValueChain.Flexibility;

/// <summary>The bundles chosen for a day and what they would earn at their asking prices.</summary>
/// <param name="Bundles">The chosen bundles; no EV is in two of them.</param>
/// <param name="Revenue">The sum of their asking prices.</param>
/// <param name="IsProvenOptimal">True when the search finished: no conflict-free set earns more. False only when the node budget ran out first; the set is then the best found.</param>
public sealed record BundleSelection(IReadOnlyList<FlexibilityBundle> Bundles, ulong Revenue, bool IsProvenOptimal);
