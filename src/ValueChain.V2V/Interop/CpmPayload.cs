namespace ValueChain.V2V.Interop;

/// <summary>The CPM <c>CpmPayload</c>.</summary>
/// <param name="ManagementContainer">The reference time and position every perceived object is relative to.</param>
/// <param name="CpmContainers">One to eight wrapped containers; the perceived object container has id 5.</param>
public sealed record CpmPayload(CpmManagementContainer ManagementContainer, IReadOnlyList<WrappedCpmContainer> CpmContainers);
