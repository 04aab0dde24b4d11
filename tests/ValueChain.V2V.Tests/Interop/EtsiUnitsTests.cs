using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class EtsiUnitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    [InlineData(-4, 0)]
    [InlineData(-5, -1)]
    [InlineData(-15, -2)]
    [InlineData(-16, -2)]
    [InlineData(900_000_000, 90_000_000)]
    [InlineData(-900_000_000, -90_000_000)]
    [InlineData(1_800_000_000, 180_000_000)]
    [InlineData(-1_799_999_995, -180_000_000)]
    [InlineData(-1_799_999_994, -179_999_999)]
    public void Tenth_microdegrees_round_to_the_nearest_microdegree_halves_away_from_zero(int tenths, long microdegrees)
    {
        Assert.Equal(microdegrees, EtsiUnits.ToMicrodegrees(tenths));
    }

    [Theory]
    [InlineData(90_000_000)]
    [InlineData(-90_000_000)]
    [InlineData(180_000_000)]
    [InlineData(-180_000_000)]
    [InlineData(-1)]
    public void Microdegrees_are_exact_in_tenths(long microdegrees)
    {
        Assert.Equal(microdegrees, EtsiUnits.ToMicrodegrees(EtsiUnits.ToTenthMicrodegrees(microdegrees)));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(40, 4000)]
    [InlineData(41, 4094)]
    [InlineData(1000, 4094)]
    public void Accuracy_is_exact_in_centimetres_up_to_40_m_and_out_of_range_above(int metres, int centimetres)
    {
        Assert.Equal(centimetres, EtsiUnits.ToConfidenceCentimetres(metres, EtsiUnits.SemiAxisOutOfRange));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(300, 3)]
    [InlineData(301, 4)]
    [InlineData(4000, 40)]
    [InlineData(4093, 41)]
    [InlineData(4094, 1000)]
    public void Confidences_read_as_whole_metres_rounded_up_and_out_of_range_as_the_worst_accuracy(int centimetres, int metres)
    {
        Assert.Equal(metres, EtsiUnits.ToAccuracyMetres(centimetres, EtsiUnits.SemiAxisOutOfRange, "f"));
    }

    [Fact]
    public void An_unavailable_confidence_is_refused_naming_the_field()
    {
        var error = Assert.Throws<EtsiConversionException>(() => EtsiUnits.ToAccuracyMetres(4095, EtsiUnits.SemiAxisOutOfRange, "semiMajorConfidence"));

        Assert.Equal(("semiMajorConfidence", "4095", EtsiErrorCodes.NotConvertible), (error.Field, error.Value, error.Code));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    [InlineData(28, 2)]
    [InlineData(29, 3)]
    [InlineData(42, 3)]
    [InlineData(43, 4)]
    [InlineData(57, 4)]
    [InlineData(58, 5)]
    [InlineData(71, 5)]
    [InlineData(72, 6)]
    [InlineData(85, 6)]
    [InlineData(86, 7)]
    [InlineData(100, 7)]
    public void Confidence_bands_of_one_seventh_give_the_information_quality(int percent, int quality)
    {
        Assert.Equal(quality, EtsiUnits.ToInformationQuality(percent));
    }

    [Fact]
    public void Each_information_quality_reads_as_the_lowest_per_cent_of_its_band()
    {
        int[] expected = [0, 1, 15, 29, 43, 58, 72, 86];
        for (int quality = 0; quality <= 7; quality++)
        {
            Assert.Equal(expected[quality], EtsiUnits.ToConfidencePercent(quality));
            Assert.Equal(quality, EtsiUnits.ToInformationQuality(EtsiUnits.ToConfidencePercent(quality)));
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(9000, 900)]
    [InlineData(35_994, 3599)]
    [InlineData(35_995, 0)]
    [InlineData(35_999, 0)]
    public void Bearings_round_to_the_nearest_tenth_degree_heading_halves_up_and_360_is_written_0(int centidegrees, int heading)
    {
        Assert.Equal(heading, EtsiUnits.ToHeadingValue(centidegrees));
    }

    [Theory]
    [InlineData(9000, 0)]
    [InlineData(0, 900)]
    [InlineData(8999, 1)]
    [InlineData(8990, 1)]
    [InlineData(8989, 2)]
    [InlineData(9001, 0)]
    [InlineData(9010, 3599)]
    [InlineData(27_000, 1800)]
    [InlineData(18_000, 2700)]
    public void Bearings_become_cartesian_angles_counter_clockwise_from_east_rounded_up(int centidegrees, int angle)
    {
        Assert.Equal(angle, EtsiUnits.ToCartesianAngle(centidegrees));
    }

    [Fact]
    public void Cartesian_angles_and_headings_read_back_exactly()
    {
        for (int value = 0; value < 3600; value++)
        {
            Assert.Equal(value, EtsiUnits.ToCartesianAngle(EtsiUnits.FromCartesianAngle(value)));
            Assert.Equal(value, EtsiUnits.ToHeadingValue(EtsiUnits.ToBearing(value)));
        }
    }

    [Theory]
    [InlineData(0, 101)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    public void Per_cent_confidence_is_a_confidence_level_with_0_written_unavailable(int percent, int level)
    {
        Assert.Equal(level, EtsiUnits.ToConfidenceLevel(percent));
        Assert.Equal(percent, EtsiUnits.FromConfidenceLevel(level));
    }
}
