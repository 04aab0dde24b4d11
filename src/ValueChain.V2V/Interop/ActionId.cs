using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>A DENM's <c>ActionID</c>: the event's identifier, kept by every update, cancellation and negation of it.</summary>
/// <param name="OriginatingStationId">The station that detected the event first, 0 to 4 294 967 295.</param>
/// <param name="SequenceNumber">Its number among that station's events, 0 to 65 535.</param>
public sealed record ActionId(
    [property: JsonPropertyName("originatingStationID")] long OriginatingStationId,
    int SequenceNumber);
