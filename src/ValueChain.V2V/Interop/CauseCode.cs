using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>CauseCode</c>: a <c>CauseCodeType</c> and its sub-cause, each 0 to 255 (the mapped ones are in <see cref="EtsiCauseCodes"/>).</summary>
/// <param name="Code">The cause code (<c>causeCode</c>).</param>
/// <param name="SubCauseCode">The sub-cause code; 0 is unavailable.</param>
public sealed record CauseCode([property: JsonPropertyName("causeCode")] int Code, int SubCauseCode);
