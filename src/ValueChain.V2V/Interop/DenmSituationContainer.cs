namespace ValueChain.V2V.Interop;

/// <summary>The DENM <c>SituationContainer</c> (linked cause and event history are not read or written).</summary>
/// <param name="InformationQuality">0 unavailable, 1 lowest to 7 highest.</param>
/// <param name="EventType">The cause and sub-cause codes.</param>
public sealed record DenmSituationContainer(int InformationQuality, CauseCode EventType);
