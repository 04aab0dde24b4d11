using CsCheck;
using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class EtsiTimeTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) => new(y, mo, d, h, mi, s, ms, TimeSpan.Zero);

    [Fact]
    public void The_epoch_is_zero_on_both_scales()
    {
        Assert.Equal(0, EtsiTime.ToTimestamp(EtsiTime.Epoch));
        Assert.Equal(0, EtsiTime.ToTimestamp(EtsiTime.Epoch, EtsiTimeScale.Utc));
        Assert.Equal(EtsiTime.Epoch, EtsiTime.FromTimestamp(0));
    }

    [Fact]
    public void The_cdd_example_counts_the_leap_second_of_2005_on_the_tai_scale_and_not_on_utc()
    {
        // TS 102 894-2 v2: 2007-01-01T00:00:00.000Z is 94 694 401 000 (1096 days of 2004 to 2006, 2004 a leap year, plus one leap second).
        Assert.Equal(94_694_401_000, EtsiTime.ToTimestamp(Utc(2007, 1, 1)));
        Assert.Equal(94_694_400_000, EtsiTime.ToTimestamp(Utc(2007, 1, 1), EtsiTimeScale.Utc));
        Assert.Equal(Utc(2007, 1, 1), EtsiTime.FromTimestamp(94_694_401_000));
        Assert.Equal(Utc(2007, 1, 1), EtsiTime.FromTimestamp(94_694_400_000, EtsiTimeScale.Utc));
    }

    [Theory]
    [InlineData(2004, 2, 29, 0)]
    [InlineData(2005, 12, 31, 0)]
    [InlineData(2006, 1, 1, 1)]
    [InlineData(2008, 12, 31, 1)]
    [InlineData(2009, 1, 1, 2)]
    [InlineData(2012, 7, 1, 3)]
    [InlineData(2015, 7, 1, 4)]
    [InlineData(2016, 12, 31, 4)]
    [InlineData(2017, 1, 1, 5)]
    [InlineData(2026, 12, 1, 5)]
    public void Each_leap_second_since_2004_adds_one_second_from_the_day_after_it(int y, int m, int d, int leapSeconds)
    {
        DateTimeOffset day = Utc(y, m, d);
        long utc = (long)(day - EtsiTime.Epoch).TotalMilliseconds;

        Assert.Equal(utc + (leapSeconds * 1000L), EtsiTime.ToTimestamp(day));
        Assert.Equal(day, EtsiTime.FromTimestamp(EtsiTime.ToTimestamp(day)));
    }

    [Fact]
    public void A_timestamp_inside_an_inserted_leap_second_reads_as_the_first_millisecond_after_it()
    {
        long lastBefore = EtsiTime.ToTimestamp(Utc(2016, 12, 31, 23, 59, 59, 999));
        long firstAfter = EtsiTime.ToTimestamp(Utc(2017, 1, 1));

        Assert.Equal(1001, firstAfter - lastBefore);
        Assert.Equal(Utc(2016, 12, 31, 23, 59, 59, 999), EtsiTime.FromTimestamp(lastBefore));
        Assert.Equal(Utc(2017, 1, 1), EtsiTime.FromTimestamp(lastBefore + 1));
        Assert.Equal(Utc(2017, 1, 1), EtsiTime.FromTimestamp(lastBefore + 1000));
        Assert.Equal(Utc(2017, 1, 1), EtsiTime.FromTimestamp(firstAfter));
        Assert.Equal(Utc(2017, 1, 1, 0, 0, 0, 1), EtsiTime.FromTimestamp(firstAfter + 1));
    }

    [Fact]
    public void Times_before_2004_past_the_42_bit_range_or_between_milliseconds_are_refused_naming_the_field()
    {
        Assert.Equal("detectedAt", Assert.Throws<ValueChainFormatException>(() => EtsiTime.ToTimestamp(Utc(2003, 12, 31, 23, 59, 59, 999), field: "detectedAt")).ParameterName);
        Assert.Equal("detectedAt", Assert.Throws<ValueChainFormatException>(() => EtsiTime.ToTimestamp(Utc(2150, 1, 1), field: "detectedAt")).ParameterName);
        Assert.Equal("detectedAt", Assert.Throws<ValueChainFormatException>(() => EtsiTime.ToTimestamp(Utc(2020, 1, 1).AddTicks(1), field: "detectedAt")).ParameterName);
        Assert.Equal("t", Assert.Throws<ValueChainFormatException>(() => EtsiTime.FromTimestamp(-1, field: "t")).ParameterName);
        Assert.Equal("t", Assert.Throws<ValueChainFormatException>(() => EtsiTime.FromTimestamp(EtsiTime.MaxTimestamp + 1, field: "t")).ParameterName);
        Assert.Equal(EtsiTime.MaxTimestamp, EtsiTime.ToTimestamp(EtsiTime.FromTimestamp(EtsiTime.MaxTimestamp)));
    }

    [Fact]
    public void Every_utc_millisecond_from_2004_round_trips_on_both_scales()
    {
        Gen.Long[0, EtsiTime.MaxTimestamp - 5000].Sample(ms =>
        {
            DateTimeOffset time = EtsiTime.Epoch.AddMilliseconds(ms);
            Assert.Equal(time, EtsiTime.FromTimestamp(EtsiTime.ToTimestamp(time)));
            Assert.Equal(ms, EtsiTime.ToTimestamp(time, EtsiTimeScale.Utc));
        });
    }

    [Fact]
    public void Timestamp_to_time_to_timestamp_is_exact_outside_the_leap_seconds_and_monotonic_everywhere()
    {
        Gen.Long[0, EtsiTime.MaxTimestamp].Sample(t =>
        {
            DateTimeOffset time = EtsiTime.FromTimestamp(t);
            long back = EtsiTime.ToTimestamp(time);
            Assert.True(back == t || (back > t && back - t <= 1000), $"{t} → {time:O} → {back}");
            Assert.True(EtsiTime.FromTimestamp(Math.Min(t + 1, EtsiTime.MaxTimestamp)) >= time);
        });
    }
}
