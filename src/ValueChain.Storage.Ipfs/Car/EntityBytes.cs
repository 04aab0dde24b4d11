using System.Globalization;

namespace ValueChain.Storage.Ipfs.Car;

/// <summary>
/// A byte range of a file as the trustless gateway's <c>entity-bytes=from:to</c> gives it: inclusive
/// offsets, negative ones counted from the end, <see cref="To"/> null for "to the end" (<c>*</c>).
/// </summary>
internal readonly record struct EntityBytes(long From, long? To)
{
    /// <summary>Parses <c>from:to</c>; null when <paramref name="text"/> is not of that form.</summary>
    internal static EntityBytes? Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long from))
        {
            return null;
        }

        string to = text[(colon + 1)..];
        if (to == "*")
        {
            return new EntityBytes(from, null);
        }

        return long.TryParse(to, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long end) ? new EntityBytes(from, end) : null;
    }

    /// <summary>The inclusive range within a file of <paramref name="size"/> bytes, or null when none of it falls inside.</summary>
    internal (long From, long To)? Resolve(long size)
    {
        long from = From < 0 ? Math.Max(size + From, 0) : From;
        long to = To is not { } end ? size - 1 : end < 0 ? size + end : Math.Min(end, size - 1);
        return from > to || from >= size ? null : (from, to);
    }
}
