using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.V2V.Tests;

public sealed class ReportCodecTests
{
    private static readonly Address Trip = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_764_590_400_123);

    [Fact]
    public void Static_and_dynamic_reports_round_trip_through_their_fixed_layouts()
    {
        var still = new StaticObstacleReport(Trip, At, new GeoPoint(-33_868_800, 151_209_300), 3, ObstacleKind.Roadworks, 100);
        var moving = new DynamicObstacleReport(Trip, At, new GeoPoint(90_000_000, -180_000_000), 1000, ObstacleKind.Pedestrian, 0, 10_000, 35_999);

        byte[] a = ReportCodec.Encode(still), b = ReportCodec.Encode(moving);

        Assert.Equal((42, 46), (a.Length, b.Length));
        Assert.Equal(still, ReportCodec.Decode(a));
        Assert.Equal(moving, ReportCodec.Decode(b));
        Assert.Equal("0x01000464" + "0000000000000000000000000000000000000" + "0a10000019a", Hex.Encode(a.AsSpan(0, 28)));
    }

    [Fact]
    public async Task A_reports_content_id_is_the_sha2_256_raw_cid_of_its_bytes_and_its_digest_is_that_multihash_digest()
    {
        var report = new StaticObstacleReport(Trip, At, new GeoPoint(48_137_000, 11_575_000), 5, ObstacleKind.Debris, 90);
        byte[] bytes = ReportCodec.Encode(report);

        var stored = await EmbeddedContentStore.InMemory().PutRecordAsync(bytes, TestContext.Current.CancellationToken);
        Cid cid = Cid.Parse(stored);

        Assert.Equal(Cid.Compute(ContentCodec.Raw, bytes), cid);
        Assert.Equal(ReportCodec.Digest(bytes), new Hash32(cid.Digest));
    }

    [Theory]
    [InlineData(41, "report")]
    [InlineData(0, "version")]
    [InlineData(1, "motion")]
    [InlineData(2, "kind")]
    [InlineData(3, "confidencePercent")]
    [InlineData(4, "reporter")]
    [InlineData(32, "position")]
    [InlineData(40, "accuracyMetres")]
    public void Malformed_bytes_are_refused_naming_the_field(int spoil, string field)
    {
        byte[] bytes = ReportCodec.Encode(new StaticObstacleReport(Trip, At, new GeoPoint(1, 1), 5, ObstacleKind.Debris, 90));
        if (spoil == 41)
        {
            bytes = bytes[..41];
        }
        else if (spoil == 4)
        {
            Array.Clear(bytes, 4, 20);
        }
        else
        {
            bytes[spoil] = spoil == 40 ? (byte)0xff : (byte)0x7f;
        }

        var error = Assert.Throws<ValueChainFormatException>(() => ReportCodec.Decode(bytes));

        Assert.Equal(field, error.ParameterName);
    }

    [Theory]
    [InlineData(10_000, 35_999, null)]
    [InlineData(10_001, 0, "velocityCentimetresPerSecond")]
    [InlineData(0, 36_000, "bearingCentidegrees")]
    [InlineData(-1, 0, "velocityCentimetresPerSecond")]
    public void Dynamic_fields_are_checked_at_their_boundaries(int velocity, int bearing, string? field)
    {
        var report = new DynamicObstacleReport(Trip, At, new GeoPoint(0, 0), 5, ObstacleKind.Animal, 50, velocity, bearing);

        if (field is null)
        {
            Assert.Equal(report, ReportCodec.Decode(ReportCodec.Encode(report)));
        }
        else
        {
            Assert.Equal(field, Assert.Throws<ValueChainFormatException>(() => ReportCodec.Encode(report)).ParameterName);
        }
    }

    [Fact]
    public void Sub_millisecond_detection_times_are_refused_so_that_a_report_reads_back_equal()
    {
        var report = new StaticObstacleReport(Trip, At.AddTicks(1), new GeoPoint(0, 0), 5, ObstacleKind.Other, 50);

        Assert.Equal("detectedAt", Assert.Throws<ValueChainFormatException>(() => ReportCodec.Encode(report)).ParameterName);
    }
}
