using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class EtsiCauseCodesTests
{
    [Theory]
    [InlineData(ObstacleKind.Debris, 10, 1)]
    [InlineData(ObstacleKind.StoppedVehicle, 94, 0)]
    [InlineData(ObstacleKind.Accident, 2, 0)]
    [InlineData(ObstacleKind.Roadworks, 3, 0)]
    [InlineData(ObstacleKind.Animal, 11, 0)]
    [InlineData(ObstacleKind.Pedestrian, 12, 0)]
    [InlineData(ObstacleKind.Other, 10, 0)]
    public void Each_kind_is_written_as_one_cause_and_sub_cause_that_reads_back_as_it(ObstacleKind kind, int cause, int subCause)
    {
        Assert.Equal(new CauseCode(cause, subCause), EtsiCauseCodes.Of(kind));
        Assert.Equal(kind, EtsiCauseCodes.KindOf(EtsiCauseCodes.Of(kind)));
    }

    [Theory]
    [InlineData(2, 8, ObstacleKind.Accident)]
    [InlineData(3, 6, ObstacleKind.Roadworks)]
    [InlineData(10, 2, ObstacleKind.Debris)]
    [InlineData(10, 6, ObstacleKind.Debris)]
    [InlineData(10, 7, ObstacleKind.StoppedVehicle)]
    [InlineData(11, 4, ObstacleKind.Animal)]
    [InlineData(12, 3, ObstacleKind.Pedestrian)]
    [InlineData(94, 5, ObstacleKind.StoppedVehicle)]
    public void Every_sub_cause_the_cdd_defines_reads_as_its_causes_kind(int cause, int subCause, ObstacleKind kind)
    {
        Assert.Equal(kind, EtsiCauseCodes.KindOf(new CauseCode(cause, subCause)));
    }

    [Theory]
    [InlineData(0, 0, "causeCode", "0")]
    [InlineData(1, 0, "causeCode", "1")]
    [InlineData(14, 1, "causeCode", "14")]
    [InlineData(91, 0, "causeCode", "91")]
    [InlineData(10, 8, "subCauseCode", "8")]
    [InlineData(2, 9, "subCauseCode", "9")]
    [InlineData(94, 255, "subCauseCode", "255")]
    public void Unmapped_codes_are_refused_naming_the_code(int cause, int subCause, string member, string value)
    {
        var error = Assert.Throws<EtsiConversionException>(() => EtsiCauseCodes.KindOf(new CauseCode(cause, subCause), "denm.situation.eventType"));

        Assert.Equal(("denm.situation.eventType." + member, value), (error.Field, error.Value));
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
