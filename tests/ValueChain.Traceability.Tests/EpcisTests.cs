using System.Text.Json.Nodes;
using ValueChain.Testing;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests;

/// <summary>EPCIS 2.0 export against golden files, and import of ObjectEvents as scans.</summary>
public sealed class EpcisTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static EpcisIdentifiers Identifiers() => new EpcisIdentifiers()
        .Map("PN-BRAKE", "4012345", "012345")
        .Map("PN-SENSOR", "4012345", "054321");

    [Theory]
    [InlineData("BRAKE-1")]
    [InlineData("SENSOR-1")]
    [InlineData("WVWZZZ1JZXW000001")]
    public async Task The_case_study_exports_exactly_as_the_golden_file(string partId)
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();

        string exported = await new EpcisExporter(ledger.Contract, Identifiers()).ExportPartAsync(partId, Created);

        string golden = Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Traceability.Tests", "Golden", $"{partId}.epcis.json");
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, exported + "\n");
        }

        Assert.True(File.Exists(golden), $"The golden file {golden} is missing; run the test once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal((await File.ReadAllTextAsync(golden)).TrimEnd('\n'), exported);
    }

    [Fact]
    public async Task The_export_maps_each_history_event_to_its_epcis_event_type()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();

        JsonObject document = JsonNode.Parse(await new EpcisExporter(ledger.Contract, Identifiers()).ExportPartAsync("SENSOR-1", Created))!.AsObject();

        Assert.Equal("EPCISDocument", document["type"]!.GetValue<string>());
        Assert.Equal("2.0", document["schemaVersion"]!.GetValue<string>());
        JsonArray events = document["epcisBody"]!["eventList"]!.AsArray();
        Assert.Equal(
            ["ObjectEvent:commissioning", "TransactionEvent:shipping", "TransactionEvent:receiving", "AggregationEvent:assembling", "ObjectEvent:holding"],
            events.Select(e => $"{e!["type"]}:{e["bizStep"]}"));
        Assert.Equal("urn:epc:id:sgtin:4012345.054321.SENSOR-1", events[0]!["epcList"]![0]!.GetValue<string>());
        Assert.Equal("urn:epc:id:sgtin:4012345.012345.BRAKE-1", events[3]!["parentID"]!.GetValue<string>());
        Assert.Equal("geo:48.137154,11.576124", events[0]!["readPoint"]!["id"]!.GetValue<string>());
        Assert.Equal($"urn:valuechain:participant:{Lsp.Address}", events[1]!["destinationList"]![0]!["destination"]!.GetValue<string>());
        Assert.Equal("recalled", events[4]!["disposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Object_events_import_as_scans_at_their_read_point()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        string document = """
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
              "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-24T12:00:00.000Z",
              "epcisBody": { "eventList": [
                { "type": "ObjectEvent", "eventTime": "2026-11-24T11:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                  "epcList": ["urn:epc:id:sgtin:4012345.012345.BRAKE-1", "urn:valuechain:part:HORN-1"], "action": "OBSERVE", "bizStep": "inspecting",
                  "readPoint": { "id": "geo:52.520008,13.404954" } },
                { "type": "AggregationEvent", "eventTime": "2026-11-24T11:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                  "parentID": "urn:valuechain:part:X", "childEPCs": [], "action": "ADD" }
              ] }
            }
            """;

        int scans = await new EpcisImporter(ledger.Contract).ImportScansAsync(Lsp, document, Plant);

        Assert.Equal(2, scans);
        PartEvent scan = (await ledger.Contract.GetHistoryAsync("HORN-1"))[^1];
        Assert.Equal((PartEventType.Scanned, Lsp.Address, new GeoPoint(52_520_008, 13_404_954)), (scan.Type, scan.Actor, scan.Location!.Point));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"Something"}""")]
    [InlineData("""{"type":"EPCISDocument","epcisBody":{"eventList":[{"type":"ObjectEvent","epcList":["urn:epc:id:sscc:0614141.1234567890"]}]}}""")]
    public async Task A_malformed_document_or_foreign_epc_is_a_typed_error(string document)
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();

        var error = await Assert.ThrowsAsync<ValueChainFormatException>(() => new EpcisImporter(ledger.Contract).ImportScansAsync(Lsp, document, Plant));

        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
    }
}
