using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The DENM <c>ManagementContainer</c> (relevance distance, traffic direction and transmission interval are not read or written).</summary>
/// <param name="ActionId">The event's identifier: originating station and sequence number.</param>
/// <param name="DetectionTime">When the event was detected, a TimestampIts (milliseconds since 2004-01-01, see <see cref="EtsiTime"/>).</param>
/// <param name="ReferenceTime">When this DENM was generated, a TimestampIts.</param>
/// <param name="EventPosition">Where the event is.</param>
/// <param name="StationType">The kind of originating station (5: passenger car; 15: road-side unit), 0 to 255.</param>
/// <param name="Termination">Set only in a cancellation or negation DENM.</param>
/// <param name="ValidityDuration">How long after the detection time the event stays valid, in seconds, 0 to 86 400 (the ASN.1 default, 600, when absent).</param>
public sealed record DenmManagementContainer(
    [property: JsonPropertyName("actionID"), JsonPropertyOrder(0)] ActionId ActionId,
    [property: JsonPropertyOrder(1)] long DetectionTime,
    [property: JsonPropertyOrder(2)] long ReferenceTime,
    [property: JsonPropertyOrder(4)] ReferencePosition EventPosition,
    [property: JsonPropertyOrder(6)] int StationType,
    [property: JsonPropertyOrder(3)] DenmTermination? Termination = null,
    [property: JsonPropertyOrder(5)] int ValidityDuration = DenmManagementContainer.DefaultValidity)
{
    /// <summary>The ASN.1 <c>defaultValidity</c>: 600 seconds.</summary>
    public const int DefaultValidity = 600;
}
