using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The DENM <c>Termination</c>: why a DENM ends an event.</summary>
public enum DenmTermination
{
    /// <summary>The event's originating station says it is over (<c>isCancellation</c>).</summary>
    [JsonStringEnumMemberName("isCancellation")] IsCancellation = 0,

    /// <summary>Another station says the event is not there (<c>isNegation</c>).</summary>
    [JsonStringEnumMemberName("isNegation")] IsNegation = 1,
}
