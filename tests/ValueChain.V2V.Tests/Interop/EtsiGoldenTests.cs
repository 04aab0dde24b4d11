using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class EtsiGoldenTests
{
    private static readonly DenmConverter Denms = new();
    private static readonly CpmConverter Cpms = new();

    public static TheoryData<string> DenmFiles => ["denm-static-debris.json", "denm-static-roadworks.json", "denm-dynamic-animal.json", "denm-negation.json"];

    [Fact]
    public void A_static_debris_report_writes_the_golden_denm()
    {
        GoldenFiles.AssertMatches("denm-static-debris.json", EtsiJson.Write(Denms.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 17)));
    }

    [Fact]
    public void A_roadworks_report_with_an_accuracy_beyond_40_m_writes_the_golden_denm()
    {
        GoldenFiles.AssertMatches("denm-static-roadworks.json", EtsiJson.Write(Denms.ToDenm(EtsiSamples.Roadworks, new DenmSender(7, DenmSender.RoadSideUnit), 65_535, validityDuration: 3600, referenceTime: EtsiSamples.At.AddSeconds(30))));
    }

    [Fact]
    public void A_moving_animal_writes_the_golden_denm_with_speed_and_heading_in_the_location_container()
    {
        GoldenFiles.AssertMatches("denm-dynamic-animal.json", EtsiJson.Write(Denms.ToDenm(EtsiSamples.Animal, EtsiSamples.Car, 18, motion: new MotionConfidence(12, 35))));
    }

    [Fact]
    public void A_negation_writes_the_golden_termination_denm()
    {
        GoldenFiles.AssertMatches("denm-negation.json", EtsiJson.Write(Denms.ToDenm(EtsiSamples.Negation, new DenmSender(48_879))));
    }

    [Fact]
    public void Two_perceived_obstacles_write_the_golden_cpm()
    {
        PerceivedObstacle[] obstacles = [new(1, EtsiSamples.Pedestrian, new MotionConfidence(20, 50)), new(2, EtsiSamples.Dog)];

        GoldenFiles.AssertMatches("cpm-pedestrian-and-dog.json", EtsiJson.Write(Cpms.ToCpm(obstacles, EtsiSamples.Crossing)));
    }

    [Theory]
    [MemberData(nameof(DenmFiles))]
    public void Every_golden_denm_parses_back_and_writes_the_same_bytes(string name)
    {
        string json = GoldenFiles.Read(name);

        Assert.Equal(json, EtsiJson.Write(EtsiJson.ParseDenm(json)) + "\n");
    }

    [Fact]
    public void The_golden_cpm_parses_back_and_writes_the_same_bytes()
    {
        string json = GoldenFiles.Read("cpm-pedestrian-and-dog.json");

        Assert.Equal(json, EtsiJson.Write(EtsiJson.ParseCpm(json)) + "\n");
    }

    [Fact]
    public void The_golden_denms_read_back_as_their_reports_within_the_documented_rounding()
    {
        Assert.Equal(EtsiSamples.Debris, Denms.ToReport(EtsiJson.ParseDenm(GoldenFiles.Read("denm-static-debris.json")), EtsiSamples.Trip) with { ConfidencePercent = 90 });
        Assert.Equal(86, Denms.ToReport(EtsiJson.ParseDenm(GoldenFiles.Read("denm-static-debris.json")), EtsiSamples.Trip).ConfidencePercent);
        Assert.Equal(EtsiSamples.Roadworks with { AccuracyMetres = 1000, ConfidencePercent = 86 }, Denms.ToReport(EtsiJson.ParseDenm(GoldenFiles.Read("denm-static-roadworks.json")), EtsiSamples.Trip));
        var animal = (DynamicObstacleReport)Denms.ToReport(EtsiJson.ParseDenm(GoldenFiles.Read("denm-dynamic-animal.json")), EtsiSamples.Trip);
        Assert.Equal(EtsiSamples.Animal with { ConfidencePercent = 58, BearingCentidegrees = 13_560 }, animal);
        Assert.Equal(EtsiSamples.Negation, Denms.ToTermination(EtsiJson.ParseDenm(GoldenFiles.Read("denm-negation.json"))));
    }

    [Fact]
    public void The_golden_cpm_reads_back_as_its_obstacles_within_the_documented_rounding()
    {
        IReadOnlyList<PerceivedObstacle> read = Cpms.ToObstacles(EtsiJson.ParseCpm(GoldenFiles.Read("cpm-pedestrian-and-dog.json")), EtsiSamples.Trip);

        Assert.Equal([1, 2], read.Select(o => o.ObjectId));
        Assert.Equal(EtsiSamples.Pedestrian with { BearingCentidegrees = read[0].Report.BearingCentidegrees }, read[0].Report);
        Assert.InRange(EtsiSamples.Pedestrian.BearingCentidegrees - read[0].Report.BearingCentidegrees, 0, 9);
        Assert.Equal(new MotionConfidence(20, 50), read[0].Motion);
        Assert.Equal(EtsiSamples.Dog, read[1].Report);
        Assert.Equal(MotionConfidence.Unavailable, read[1].Motion);
    }
}
