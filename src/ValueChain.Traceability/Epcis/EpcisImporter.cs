using System.Text.Json;
using System.Text.Json.Nodes;

namespace ValueChain.Traceability;

/// <summary>Imports the ObjectEvents of an EPCIS 2.0 JSON document as scans by the importing participant.</summary>
public sealed class EpcisImporter
{
    private readonly ITraceabilityContract _contract;

    /// <summary>Creates an importer writing to <paramref name="contract"/>.</summary>
    public EpcisImporter(ITraceabilityContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _contract = contract;
    }

    /// <summary>
    /// Records one scan per EPC of each ObjectEvent, signed by <paramref name="scanner"/>, at the event's
    /// geo read point (or <paramref name="defaultLocation"/>). Returns the number of scans recorded.
    /// </summary>
    /// <exception cref="ValueChainFormatException">The document is not EPCIS 2.0 JSON, or an EPC is not a part URI.</exception>
    public async Task<int> ImportScansAsync(ISigner scanner, string epcisJson, Location defaultLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaultLocation);
        JsonObject document;
        try
        {
            document = JsonNode.Parse(epcisJson)?.AsObject() ?? throw new ValueChainFormatException("EPCIS document", epcisJson, "not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ValueChainFormatException("EPCIS document", epcisJson, $"not valid JSON ({e.Message})");
        }

        if (document["type"]?.GetValue<string>() != "EPCISDocument" || document["epcisBody"]?["eventList"] is not JsonArray events)
        {
            throw new ValueChainFormatException("EPCIS document", epcisJson, "expected an EPCISDocument with epcisBody.eventList");
        }

        int scans = 0;
        foreach (JsonObject e in events.OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "ObjectEvent"))
        {
            GeoPoint? point = EpcisIdentifiers.FromGeoUri(e["readPoint"]?["id"]?.GetValue<string>());
            Location location = point is { } p ? new Location(p, defaultLocation.Site) : defaultLocation;
            foreach (string epc in (e["epcList"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
            {
                string partId = EpcisIdentifiers.PartIdOf(epc) ?? throw new ValueChainFormatException("EPC", epc, "not a part URI (urn:epc:id:sgtin:… or urn:valuechain:part:…)");
                await _contract.ScanAsync(scanner, partId, location, cancellationToken);
                scans++;
            }
        }

        return scans;
    }
}
