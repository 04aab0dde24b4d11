using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The <c>ItsPduHeader</c> of a DENM (ETSI EN 302 637-3 v1.3.1, CDD TS 102 894-2 v1.3.1 spelling).</summary>
/// <param name="ProtocolVersion">The DENM protocol version: 2 for EN 302 637-3 v1.3.1 (1, v1.2.1, has the same fields and is read too).</param>
/// <param name="MessageId">The message type: 1 (<c>denm</c>).</param>
/// <param name="StationId">The sending ITS station, 0 to 4 294 967 295.</param>
public sealed record DenmHeader(
    int ProtocolVersion,
    [property: JsonPropertyName("messageID")] int MessageId,
    [property: JsonPropertyName("stationID")] long StationId);
