using System.Text.Json.Nodes;
using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class EtsiJsonTests
{
    private static JsonObject Golden(string name) => JsonNode.Parse(GoldenFiles.Read(name))!.AsObject();

    private static ValueChainFormatException DenmError(JsonObject denm) => Assert.Throws<ValueChainFormatException>(() => EtsiJson.ParseDenm(denm.ToJsonString()));

    private static ValueChainFormatException CpmError(JsonObject cpm) => Assert.Throws<ValueChainFormatException>(() => EtsiJson.ParseCpm(cpm.ToJsonString()));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"header\": {\"protocolVersion\": 2,}}")]
    [InlineData("{\"header\": {\"protocolVersion\": 2} // comment\n}")]
    public void Malformed_json_is_refused_as_a_format_error(string json)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => EtsiJson.ParseDenm(json));

        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
    }

    [Theory]
    [InlineData("denm.management.detectionTime", "detectionTime")]
    [InlineData("denm.management.eventPosition.latitude", "latitude")]
    [InlineData("denm.management.actionID.originatingStationID", "originatingStationID")]
    [InlineData("denm.situation.eventType.causeCode", "causeCode")]
    [InlineData("header.stationID", "stationID")]
    [InlineData("denm.management", "management")]
    public void A_missing_required_field_is_named(string path, string member)
    {
        JsonObject denm = Golden("denm-static-debris.json");
        string[] steps = path.Split('.');
        JsonObject parent = steps[..^1].Aggregate(denm, (node, step) => node[step]!.AsObject());
        parent.Remove(member);

        var error = DenmError(denm);

        Assert.Equal(path, error.ParameterName);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_validity_duration_is_the_asn1_default_of_600_s()
    {
        JsonObject denm = Golden("denm-static-roadworks.json");
        denm["denm"]!["management"]!.AsObject().Remove("validityDuration");

        Assert.Equal(600, EtsiJson.ParseDenm(denm.ToJsonString()).Body.Management.ValidityDuration);
    }

    [Theory]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.latitude", 900_000_002)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.latitude", -900_000_001)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.longitude", 1_800_000_002)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.positionConfidenceEllipse.semiMajorConfidence", 4096)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.positionConfidenceEllipse.semiMinorConfidence", 0)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.positionConfidenceEllipse.semiMajorOrientation", 3602)]
    [InlineData("denm-static-debris.json", "denm.management.eventPosition.altitude.altitudeValue", 800_002)]
    [InlineData("denm-static-debris.json", "denm.management.detectionTime", 4_398_046_511_104)]
    [InlineData("denm-static-debris.json", "denm.management.referenceTime", -1)]
    [InlineData("denm-static-debris.json", "denm.management.validityDuration", 86_401)]
    [InlineData("denm-static-debris.json", "denm.management.stationType", 256)]
    [InlineData("denm-static-debris.json", "denm.management.actionID.sequenceNumber", 65_536)]
    [InlineData("denm-static-debris.json", "denm.situation.informationQuality", 8)]
    [InlineData("denm-static-debris.json", "denm.situation.eventType.causeCode", 256)]
    [InlineData("denm-static-debris.json", "denm.situation.eventType.subCauseCode", -1)]
    [InlineData("denm-static-debris.json", "header.stationID", 4_294_967_296)]
    [InlineData("denm-static-debris.json", "header.messageID", 2)]
    [InlineData("denm-static-debris.json", "header.protocolVersion", 3)]
    [InlineData("denm-dynamic-animal.json", "denm.location.eventSpeed.speedValue", 16_384)]
    [InlineData("denm-dynamic-animal.json", "denm.location.eventSpeed.speedConfidence", 0)]
    [InlineData("denm-dynamic-animal.json", "denm.location.eventPositionHeading.headingValue", 3602)]
    [InlineData("denm-dynamic-animal.json", "denm.location.eventPositionHeading.headingConfidence", 128)]
    public void An_out_of_range_value_is_refused_naming_the_field(string file, string path, long value)
    {
        JsonObject denm = Golden(file);
        string[] steps = path.Split('.');
        steps[..^1].Aggregate(denm, (node, step) => node[step]!.AsObject())[steps[^1]] = value;

        Assert.Equal(path, DenmError(denm).ParameterName);
    }

    [Fact]
    public void Enumerations_and_traces_are_checked()
    {
        JsonObject denm = Golden("denm-negation.json");
        denm["denm"]!["management"]!["termination"] = "isWithdrawal";
        Assert.Equal("denm.management.termination", DenmError(denm).ParameterName);

        JsonObject moving = Golden("denm-dynamic-animal.json");
        moving["denm"]!["location"]!["traces"] = new JsonArray();
        Assert.Equal("denm.location.traces", DenmError(moving).ParameterName);

        moving["denm"]!["location"]!["traces"] = JsonNode.Parse("[[{\"pathPosition\": {\"deltaLatitude\": 131073, \"deltaLongitude\": 0, \"deltaAltitude\": 0}}]]");
        Assert.Equal("denm.location.traces[0][0].pathPosition.deltaLatitude", DenmError(moving).ParameterName);

        moving["denm"]!["location"]!["traces"] = JsonNode.Parse("[[{\"pathPosition\": {\"deltaLatitude\": 131072, \"deltaLongitude\": -131071, \"deltaAltitude\": 12800}, \"pathDeltaTime\": 65535}]]");
        Assert.Single(Assert.Single(EtsiJson.ParseDenm(moving.ToJsonString()).Body.Location!.Traces));
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_named_by_its_path()
    {
        JsonObject denm = Golden("denm-static-debris.json");
        denm["denm"]!["management"]!["detectionTime"] = "soon";

        Assert.Equal("denm.management.detectionTime", DenmError(denm).ParameterName);
    }

    [Fact]
    public void Unknown_containers_and_members_are_ignored()
    {
        JsonObject denm = Golden("denm-static-debris.json");
        denm["denm"]!["alacarte"] = JsonNode.Parse("{\"lanePosition\": 1}");
        denm["denm"]!["management"]!["relevanceDistance"] = "lessThan50m";

        Assert.Equal(GoldenFiles.Read("denm-static-debris.json"), EtsiJson.Write(EtsiJson.ParseDenm(denm.ToJsonString())) + "\n");
    }

    [Theory]
    [InlineData("objectId", null, "payload.cpmContainers[0].containerData.perceivedObjects[0].objectId")]
    [InlineData("measurementDeltaTime", null, "payload.cpmContainers[0].containerData.perceivedObjects[0].measurementDeltaTime")]
    [InlineData("measurementDeltaTime", 2048, "payload.cpmContainers[0].containerData.perceivedObjects[0].measurementDeltaTime")]
    [InlineData("objectAge", 2048, "payload.cpmContainers[0].containerData.perceivedObjects[0].objectAge")]
    [InlineData("objectPerceptionQuality", 16, "payload.cpmContainers[0].containerData.perceivedObjects[0].objectPerceptionQuality")]
    public void Cpm_object_fields_are_checked_and_named(string member, int? value, string path)
    {
        JsonObject cpm = Golden("cpm-pedestrian-and-dog.json");
        JsonObject o = cpm["payload"]!["cpmContainers"]![0]!["containerData"]!["perceivedObjects"]![0]!.AsObject();
        if (value is { } v)
        {
            o[member] = v;
        }
        else
        {
            o.Remove(member);
        }

        Assert.Equal(path, CpmError(cpm).ParameterName);
    }

    [Fact]
    public void Cpm_choices_classes_and_envelope_are_checked()
    {
        const string Object = "payload.cpmContainers[0].containerData.perceivedObjects[0]";
        JsonObject cpm = Golden("cpm-pedestrian-and-dog.json");
        JsonObject o = cpm["payload"]!["cpmContainers"]![0]!["containerData"]!["perceivedObjects"]![0]!.AsObject();
        o["velocity"]!["cartesianVelocity"] = JsonNode.Parse("{\"xVelocity\": {\"value\": 1, \"confidence\": 1}, \"yVelocity\": {\"value\": 1, \"confidence\": 1}}");
        Assert.Equal(Object + ".velocity", CpmError(cpm).ParameterName);

        cpm = Golden("cpm-pedestrian-and-dog.json");
        o = cpm["payload"]!["cpmContainers"]![0]!["containerData"]!["perceivedObjects"]![0]!.AsObject();
        o["classification"]![0]!["objectClass"]!["vruSubClass"]!["pedestrian"] = "astronaut";
        Assert.Equal(Object + ".classification[0].objectClass.vruSubClass.pedestrian", CpmError(cpm).ParameterName);

        o["classification"]![0]!["objectClass"] = JsonNode.Parse("{\"vehicleSubClass\": 1}");
        Assert.Equal(Object + ".classification[0].objectClass.vehicleSubClass", CpmError(cpm).ParameterName);

        o["classification"] = new JsonArray();
        Assert.Equal(Object + ".classification", CpmError(cpm).ParameterName);

        o["position"]!["xCoordinate"]!["value"] = 131_072;
        Assert.Equal(Object + ".position.xCoordinate.value", CpmError(cpm).ParameterName);

        cpm = Golden("cpm-pedestrian-and-dog.json");
        cpm["header"]!["messageId"] = 1;
        Assert.Equal("header.messageId", CpmError(cpm).ParameterName);

        cpm = Golden("cpm-pedestrian-and-dog.json");
        cpm["payload"]!["cpmContainers"] = new JsonArray();
        Assert.Equal("payload.cpmContainers", CpmError(cpm).ParameterName);

        cpm = Golden("cpm-pedestrian-and-dog.json");
        cpm["payload"]!["managementContainer"]!.AsObject().Remove("referencePosition");
        Assert.Equal("payload.managementContainer.referencePosition", CpmError(cpm).ParameterName);
    }

    [Fact]
    public void Containers_other_than_perceived_objects_pass_through_unchanged()
    {
        JsonObject cpm = Golden("cpm-pedestrian-and-dog.json");
        cpm["payload"]!["cpmContainers"]!.AsArray().Insert(0, JsonNode.Parse("{\"containerId\": 1, \"containerData\": {\"orientationAngle\": {\"value\": 900, \"confidence\": 127}}}"));

        Cpm parsed = EtsiJson.ParseCpm(cpm.ToJsonString());

        Assert.Equal(2, EtsiJson.PerceivedObjectsOf(parsed).Count);
        Assert.Equal(900, JsonNode.Parse(EtsiJson.Write(parsed))!["payload"]!["cpmContainers"]![0]!["containerData"]!["orientationAngle"]!["value"]!.GetValue<int>());
    }
}
