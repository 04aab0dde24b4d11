using System.Text.Json;

namespace ValueChain.V2V.Interop;

/// <summary>
/// The CPM <c>WrappedCpmContainer</c>: a container id and its data, kept as JSON so that containers this SDK does not read
/// (originating station, sensor information, perception region) pass through unchanged.
/// </summary>
/// <param name="ContainerId">1 to 16; <see cref="PerceivedObjectContainerId"/> for perceived objects.</param>
/// <param name="ContainerData">The container, in the JSON form of its type.</param>
public sealed record WrappedCpmContainer(int ContainerId, JsonElement ContainerData)
{
    /// <summary>The id of the <see cref="PerceivedObjectContainer"/>.</summary>
    public const int PerceivedObjectContainerId = 5;
}
