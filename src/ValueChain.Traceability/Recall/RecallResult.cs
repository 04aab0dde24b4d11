namespace ValueChain.Traceability;

/// <summary>What a recall affects: the recalled parts, every assembly containing them (transitively), and the vehicles among those.</summary>
/// <param name="Parts">The parts of the batch (or the given parts), sorted.</param>
/// <param name="Assemblies">Every assembly that contains one of them at any depth, vehicles included, sorted.</param>
/// <param name="Vehicles">The affected assemblies whose id is a VIN, sorted.</param>
public sealed record RecallResult(IReadOnlyList<string> Parts, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Vehicles);
