using System.Text.Json.Serialization;

namespace ValueChain.AppMarket;

// What a device agent keeps on disk: its last report counter, the version of each app it runs, and the order it is
// carrying out (with its report once signed), so that a restart in the middle of an install rolls back what was
// half done and an order carried out before the restart gets the report it already had.
internal sealed class AgentState
{
    public ulong Counter { get; set; }

    public Dictionary<string, string> Running { get; set; } = new(StringComparer.Ordinal);

    public InFlightOrder? InFlight { get; set; }
}

// The order under way: its id, what it installs or removes, and the signed report once it is done.
internal sealed record InFlightOrder(string OrderId, string AppId, AppVersion Version, bool Remove, InstallReportArgs? Report);

[JsonSerializable(typeof(AgentState))]
internal sealed partial class AgentStateJsonContext : JsonSerializerContext;
