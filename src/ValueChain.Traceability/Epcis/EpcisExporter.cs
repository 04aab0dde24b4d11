using System.Text.Json;
using System.Text.Json.Nodes;

namespace ValueChain.Traceability;

/// <summary>
/// Exports a part's ledger history as a GS1 EPCIS 2.0 JSON-LD document: registrations and scans as
/// ObjectEvents, assembly as AggregationEvents, custody changes of deliveries as TransactionEvents,
/// recalls and rejected handovers as ObjectEvents with their dispositions. Deterministic: the same
/// history gives the same bytes (event ids derive from transaction ids).
/// </summary>
public sealed class EpcisExporter
{
    private const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private readonly ITraceabilityContract _contract;
    private readonly EpcisIdentifiers _identifiers;

    /// <summary>Creates an exporter reading from <paramref name="contract"/>.</summary>
    public EpcisExporter(ITraceabilityContract contract, EpcisIdentifiers identifiers)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(identifiers);
        _contract = contract;
        _identifiers = identifiers;
    }

    /// <summary>The EPCIS document of <paramref name="partId"/>'s history, dated <paramref name="creationDate"/>.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when the part is not registered.</exception>
    public async Task<string> ExportPartAsync(string partId, DateTimeOffset creationDate, CancellationToken cancellationToken = default)
    {
        Part part = await _contract.GetPartAsync(partId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {partId} is not registered.");
        IReadOnlyList<PartEvent> history = await _contract.GetHistoryAsync(partId, cancellationToken);
        var events = new JsonArray();
        for (int i = 0; i < history.Count; i++)
        {
            PartEvent e = history[i];
            PartEvent? next = i + 1 < history.Count ? history[i + 1] : null;
            if (e.Type is PartEventType.PickedUp or PartEventType.Delivered && next is { Type: PartEventType.OwnershipTransferred })
            {
                events.Add(await TransactionEventAsync(part, e, next, history, i, cancellationToken));
                i++;
                continue;
            }

            if (await ToEpcisAsync(part, e, i, cancellationToken) is { } node)
            {
                events.Add(node);
            }
        }

        var document = new JsonObject
        {
            ["@context"] = new JsonArray(Context),
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = Time(creationDate),
            ["epcisBody"] = new JsonObject { ["eventList"] = events },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private async Task<JsonObject?> ToEpcisAsync(Part part, PartEvent e, int index, CancellationToken cancellationToken)
    {
        string epc = _identifiers.ForPart(part.PartId, part.PartNumber);
        switch (e.Type)
        {
            case PartEventType.Registered:
                return ObjectEvent(e, index, epc, "ADD", "commissioning", "active");
            case PartEventType.Scanned:
                return ObjectEvent(e, index, epc, "OBSERVE", "inspecting", null);
            case PartEventType.Recalled:
                return ObjectEvent(e, index, epc, "OBSERVE", "holding", "recalled");
            case PartEventType.HandoverRejected:
                return ObjectEvent(e, index, epc, "OBSERVE", "inspecting", "non_conformant");
            case PartEventType.Assembled:
                // The part is either the component (Related is the assembly) or the assembly (Related is a component).
                bool isComponent = part.Kind == PartKind.Component || part.AssemblyId == e.Related;
                Part other = (await _contract.GetPartAsync(e.Related!, cancellationToken))!;
                string otherEpc = _identifiers.ForPart(other.PartId, other.PartNumber);
                JsonObject aggregation = Common("AggregationEvent", e, index);
                aggregation["parentID"] = isComponent ? otherEpc : epc;
                aggregation["childEPCs"] = new JsonArray(isComponent ? epc : otherEpc);
                aggregation["action"] = "ADD";
                aggregation["bizStep"] = "assembling";
                AddPlace(aggregation, e);
                return aggregation;
            default:
                return null;
        }
    }

    private Task<JsonObject> TransactionEventAsync(Part part, PartEvent handover, PartEvent transfer, IReadOnlyList<PartEvent> history, int index, CancellationToken cancellationToken)
    {
        // The holder before the transfer is the recipient of the previous transfer, or the manufacturer.
        string from = history.Take(index).LastOrDefault(h => h.Type == PartEventType.OwnershipTransferred)?.Related ?? part.Manufacturer.ToString();
        JsonObject transaction = Common("TransactionEvent", handover, index);
        transaction["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "desadv", ["bizTransaction"] = $"urn:valuechain:delivery:{Uri.EscapeDataString(handover.Related!)}" });
        transaction["epcList"] = new JsonArray(_identifiers.ForPart(part.PartId, part.PartNumber));
        transaction["action"] = "ADD";
        transaction["bizStep"] = handover.Type == PartEventType.PickedUp ? "shipping" : "receiving";
        transaction["disposition"] = handover.Type == PartEventType.PickedUp ? "in_transit" : "active";
        AddPlace(transaction, handover);
        transaction["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = EpcisIdentifiers.Party(Address.Parse(from)) });
        transaction["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = EpcisIdentifiers.Party(Address.Parse(transfer.Related!)) });
        return Task.FromResult(transaction);
    }

    private static JsonObject ObjectEvent(PartEvent e, int index, string epc, string action, string bizStep, string? disposition)
    {
        JsonObject node = Common("ObjectEvent", e, index);
        node["epcList"] = new JsonArray(epc);
        node["action"] = action;
        node["bizStep"] = bizStep;
        if (disposition is not null)
        {
            node["disposition"] = disposition;
        }

        AddPlace(node, e);
        return node;
    }

    private static JsonObject Common(string type, PartEvent e, int index) => new()
    {
        ["type"] = type,
        ["eventID"] = $"urn:valuechain:event:{e.TransactionId}:{Uri.EscapeDataString(e.PartId)}:{index}",
        ["eventTime"] = Time(e.Time),
        ["eventTimeZoneOffset"] = "+00:00",
    };

    private static void AddPlace(JsonObject node, PartEvent e)
    {
        if (e.Location is { } location)
        {
            node["readPoint"] = new JsonObject { ["id"] = EpcisIdentifiers.GeoUri(location.Point) };
            if (location.Site is { } site)
            {
                node["bizLocation"] = new JsonObject { ["id"] = $"urn:valuechain:site:{Uri.EscapeDataString(site)}" };
            }
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
