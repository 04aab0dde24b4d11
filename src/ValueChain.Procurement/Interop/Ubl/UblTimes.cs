using System.Globalization;

namespace ValueChain.Procurement;

/// <summary>Ledger times as the <c>xsd:date</c> and <c>xsd:time</c> text of UBL, always in UTC, and back.</summary>
internal static class UblTimes
{
    /// <summary>The UTC date, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The UTC time, <c>HH:mm:ss</c> with a fraction only when there is one, then <c>Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";

    /// <summary>The instant a date and a time written by <see cref="Date"/> and <see cref="Time"/> name, or null when they are not such text.</summary>
    public static DateTimeOffset? Parse(string? date, string? time) =>
        date is not null && time is not null && DateTimeOffset.TryParseExact(
            date + "T" + time, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)
            ? parsed
            : null;
}
