namespace ValueChain.V2V.Interop;

/// <summary>The CPM <c>ManagementContainer</c> (segmentation and message rate are not read or written).</summary>
/// <param name="ReferenceTime">The TimestampIts every object's <c>measurementDeltaTime</c> counts from.</param>
/// <param name="ReferencePosition">The origin of the objects' east/north offsets.</param>
public sealed record CpmManagementContainer(long ReferenceTime, ReferencePosition ReferencePosition);
