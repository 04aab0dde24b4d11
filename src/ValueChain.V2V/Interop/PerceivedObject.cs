using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>
/// The CDD <c>PerceivedObject</c> as a CPM lists it (acceleration, angular velocity, correlation matrices, dimensions,
/// sensor ids and map position are not read or written). Positions are offsets east (x) and north (y) of the CPM's
/// reference position; angles count counter-clockwise from east.
/// </summary>
/// <param name="ObjectId">The sender's id for the object while it perceives it, 0 to 65 535 (required in a CPM).</param>
/// <param name="MeasurementDeltaTime">Milliseconds from the CPM's reference time to the measurement, −2047 to 2046 (−2048 and 2047 are "or more").</param>
/// <param name="Position">The offsets in cm with their confidences.</param>
/// <param name="Velocity">The velocity.</param>
/// <param name="Angles">The bounding box's orientation.</param>
/// <param name="ObjectAge">How long the object has been perceived, ms, 0 to 2047 (1500: more than 1.5 s).</param>
/// <param name="ObjectPerceptionQuality">0 (no confidence) to 15 (full confidence).</param>
/// <param name="Classification">One to eight classes, each with a confidence.</param>
public sealed record PerceivedObject(
    [property: JsonPropertyOrder(1)] int MeasurementDeltaTime,
    [property: JsonPropertyOrder(2)] CartesianPosition3dWithConfidence Position,
    [property: JsonPropertyOrder(0)] int? ObjectId = null,
    [property: JsonPropertyOrder(3)] Velocity3dWithConfidence? Velocity = null,
    [property: JsonPropertyOrder(4)] EulerAnglesWithConfidence? Angles = null,
    [property: JsonPropertyOrder(5)] int? ObjectAge = null,
    [property: JsonPropertyOrder(6)] int? ObjectPerceptionQuality = null,
    [property: JsonPropertyOrder(7)] IReadOnlyList<ObjectClassWithConfidence>? Classification = null);
