namespace ValueChain.Traceability;

/// <summary>Whether a part is a single component or an assembly of others (a vehicle is an assembly).</summary>
public enum PartKind
{
    /// <summary>A single component.</summary>
    Component = 1,

    /// <summary>An assembly that contains components (or other assemblies).</summary>
    Assembly = 2,
}
