namespace ValueChain.V2V.Interop;

/// <summary>The <c>ItsPduHeader</c> of a CPM (ETSI TS 103 324 v2.1.1, CDD TS 102 894-2 v2 spelling).</summary>
/// <param name="ProtocolVersion">2.</param>
/// <param name="MessageId">The message type: 14 (<c>cpm</c>).</param>
/// <param name="StationId">The sending ITS station, 0 to 4 294 967 295.</param>
public sealed record CpmHeader(int ProtocolVersion, int MessageId, long StationId);
