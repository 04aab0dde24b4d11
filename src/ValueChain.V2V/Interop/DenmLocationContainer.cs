using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The DENM <c>LocationContainer</c>: where the standard puts a moving event's speed and heading (road type is not read or written).</summary>
/// <param name="Traces">One to seven path histories of up to 40 points leading to the event (this SDK writes one empty history).</param>
/// <param name="EventSpeed">The event's speed.</param>
/// <param name="EventPositionHeading">The event's heading.</param>
public sealed record DenmLocationContainer(
    [property: JsonPropertyOrder(2)] IReadOnlyList<IReadOnlyList<PathPoint>> Traces,
    [property: JsonPropertyOrder(0)] Speed? EventSpeed = null,
    [property: JsonPropertyOrder(1)] Heading? EventPositionHeading = null);
