namespace ValueChain.V2V.Interop;

/// <summary>The CPM <c>PerceivedObjectContainer</c>.</summary>
/// <param name="NumberOfPerceivedObjects">How many objects the sender perceives in all, 0 to 255 (this message may list fewer).</param>
/// <param name="PerceivedObjects">The objects, at most 255, each with an object id.</param>
public sealed record PerceivedObjectContainer(int NumberOfPerceivedObjects, IReadOnlyList<PerceivedObject> PerceivedObjects);
