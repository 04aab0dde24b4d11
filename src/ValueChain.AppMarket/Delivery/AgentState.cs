using System.Text.Json.Serialization;

namespace ValueChain.AppMarket;

// What a device agent keeps on disk: its last report counter and the version of each app it runs.
internal sealed class AgentState
{
    public ulong Counter { get; set; }

    public Dictionary<string, string> Running { get; set; } = new(StringComparer.Ordinal);
}

[JsonSerializable(typeof(AgentState))]
internal sealed partial class AgentStateJsonContext : JsonSerializerContext;
