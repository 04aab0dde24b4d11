namespace ValueChain.V2V.Interop;

/// <summary>
/// TimestampIts (milliseconds since the ITS epoch 2004-01-01T00:00:00.000Z, 0 to 4 398 046 511 103) to and from
/// <see cref="DateTimeOffset"/>, on the TAI scale of the CDD by default (leap seconds counted) or on plain UTC.
/// </summary>
/// <remarks>
/// The leap-second table holds the five inserted since the epoch (at the end of 2005-12-31, 2008-12-31, 2012-06-30,
/// 2015-06-30 and 2016-12-31); none has been announced since, and a new one needs a new entry here. A TAI timestamp
/// inside an inserted leap second (23:59:60.xxx) has no UTC time: it reads as the first millisecond after the leap
/// second, so TimestampIts → time → TimestampIts is exact everywhere else.
/// </remarks>
public static class EtsiTime
{
    /// <summary>The ITS epoch, 2004-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2004, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The largest TimestampIts (2^42 − 1).</summary>
    public const long MaxTimestamp = 4_398_046_511_103;

    // UTC milliseconds since the ITS epoch of the first UTC instant after each inserted leap second (its 00:00:00.000).
    private static readonly long[] LeapSecondsAfter =
    [
        UtcMilliseconds(new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        UtcMilliseconds(new DateTimeOffset(2009, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        UtcMilliseconds(new DateTimeOffset(2012, 7, 1, 0, 0, 0, TimeSpan.Zero)),
        UtcMilliseconds(new DateTimeOffset(2015, 7, 1, 0, 0, 0, TimeSpan.Zero)),
        UtcMilliseconds(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>The TimestampIts of <paramref name="time"/>.</summary>
    /// <exception cref="ValueChainFormatException">The time is not a whole millisecond, or lies before 2004 or past the TimestampIts range; names <paramref name="field"/>.</exception>
    public static long ToTimestamp(DateTimeOffset time, EtsiTimeScale scale = EtsiTimeScale.Tai, string field = "time")
    {
        if (time.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ValueChainFormatException(field, time.ToString("O"), "a TimestampIts holds whole milliseconds");
        }

        long utc = UtcMilliseconds(time);
        long timestamp = utc < 0 ? utc : utc + (scale == EtsiTimeScale.Tai ? LeapSecondsBefore(utc) * 1000 : 0);
        if (timestamp is < 0 or > MaxTimestamp)
        {
            throw new ValueChainFormatException(field, time.ToString("O"), "a TimestampIts counts from 2004-01-01T00:00:00Z up to 2^42 − 1 ms (the year 2143)");
        }

        return timestamp;
    }

    /// <summary>The time of TimestampIts <paramref name="timestamp"/>.</summary>
    /// <exception cref="ValueChainFormatException">The value is outside 0 to 2^42 − 1; names <paramref name="field"/>.</exception>
    public static DateTimeOffset FromTimestamp(long timestamp, EtsiTimeScale scale = EtsiTimeScale.Tai, string field = "timestamp")
    {
        if (timestamp is < 0 or > MaxTimestamp)
        {
            throw new ValueChainFormatException(field, timestamp.ToString(), "a TimestampIts is 0 to 4 398 046 511 103");
        }

        return Epoch.AddMilliseconds(scale == EtsiTimeScale.Tai ? TaiToUtc(timestamp) : timestamp);
    }

    // Leap second k (1-based) occupies TAI [after + (k − 1) s, after + k s); before it, k − 1 leap seconds are counted.
    private static long TaiToUtc(long timestamp)
    {
        for (int k = 1; k <= LeapSecondsAfter.Length; k++)
        {
            long after = LeapSecondsAfter[k - 1];
            if (timestamp < after + ((k - 1) * 1000L))
            {
                return timestamp - ((k - 1) * 1000L);
            }

            if (timestamp < after + (k * 1000L))
            {
                return after;
            }
        }

        return timestamp - (LeapSecondsAfter.Length * 1000L);
    }

    private static long UtcMilliseconds(DateTimeOffset time) => (time.UtcTicks - Epoch.UtcTicks) / TimeSpan.TicksPerMillisecond;

    private static int LeapSecondsBefore(long utcMilliseconds)
    {
        int count = 0;
        while (count < LeapSecondsAfter.Length && utcMilliseconds >= LeapSecondsAfter[count])
        {
            count++;
        }

        return count;
    }
}
