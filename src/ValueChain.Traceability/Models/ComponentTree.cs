namespace ValueChain.Traceability;

/// <summary>An assembly (or component) with the tree of everything built into it.</summary>
/// <param name="Part">The part at this node.</param>
/// <param name="Components">Its direct components, each with its own tree.</param>
public sealed record ComponentTree(Part Part, IReadOnlyList<ComponentTree> Components);
