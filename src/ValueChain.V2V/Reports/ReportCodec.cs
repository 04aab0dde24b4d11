using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ValueChain.V2V;

/// <summary>
/// The canonical bytes of an <see cref="ObstacleReport"/>: one fixed big-endian layout (42 bytes static, 46 dynamic),
/// so that the report's content id is the sha2-256 multihash of these bytes in every tool and the Solidity twin reads
/// the same fields with plain slicing.
/// </summary>
/// <remarks>
/// Layout: version (1) · motion (0 static, 1 dynamic) · kind · confidence % · reporter (20) · detection time in ms since
/// the Unix epoch (uint64) · latitude µdeg (int32) · longitude µdeg (int32) · accuracy m (uint16) [· velocity cm/s
/// (uint16) · bearing 0.01° (uint16)].
/// </remarks>
public static class ReportCodec
{
    /// <summary>The layout version written in the first byte.</summary>
    public const byte Version = 1;

    /// <summary>The length of a static report.</summary>
    public const int StaticLength = 42;

    /// <summary>The length of a dynamic report.</summary>
    public const int DynamicLength = 46;

    /// <summary>The highest speed a dynamic report may carry (100 m/s).</summary>
    public const int MaxVelocity = 10_000;

    // Domain tag of the digest a reporter signs, so that a report signature is never valid as anything else.
    private static readonly byte[] SigningDomain = Encoding.ASCII.GetBytes("ValueChain.V2V.Report.v1");

    /// <summary>The canonical bytes of <paramref name="report"/>.</summary>
    /// <exception cref="ValueChainFormatException">A field is out of range; the exception names it.</exception>
    public static byte[] Encode(ObstacleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Validate(report);
        byte[] bytes = new byte[report is DynamicObstacleReport ? DynamicLength : StaticLength];
        bytes[0] = Version;
        bytes[1] = report.IsDynamic ? (byte)1 : (byte)0;
        bytes[2] = (byte)report.Kind;
        bytes[3] = (byte)report.ConfidencePercent;
        report.Reporter.WriteTo(bytes.AsSpan(4, Address.Length));
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(24), (ulong)report.DetectedAtMilliseconds);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(32), (int)report.Position.LatitudeMicrodegrees);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(36), (int)report.Position.LongitudeMicrodegrees);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(40), (ushort)report.AccuracyMetres);
        if (report is DynamicObstacleReport dynamic)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(42), (ushort)dynamic.VelocityCentimetresPerSecond);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(44), (ushort)dynamic.BearingCentidegrees);
        }

        return bytes;
    }

    /// <summary>Reads canonical bytes back into a report, checking every field.</summary>
    /// <exception cref="ValueChainFormatException">The bytes are not a canonical report; the exception names the field.</exception>
    public static ObstacleReport Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is not (StaticLength or DynamicLength))
        {
            throw Invalid("report", bytes.Length, $"a canonical report is {StaticLength} (static) or {DynamicLength} (dynamic) bytes");
        }

        if (bytes[0] != Version)
        {
            throw Invalid("version", bytes[0], $"only version {Version} is known");
        }

        bool dynamic = bytes[1] switch
        {
            0 => false,
            1 => true,
            byte other => throw Invalid("motion", other, "must be 0 (static) or 1 (dynamic)"),
        };
        if (dynamic != (bytes.Length == DynamicLength))
        {
            throw Invalid("report", bytes.Length, dynamic ? $"a dynamic report is {DynamicLength} bytes" : $"a static report is {StaticLength} bytes");
        }

        var reporter = new Address(bytes.Slice(4, Address.Length));
        ulong milliseconds = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
        if (milliseconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw Invalid("detectedAt", milliseconds, "is past the year 9999");
        }

        DateTimeOffset detectedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        GeoPoint position = Position(BinaryPrimitives.ReadInt32BigEndian(bytes[32..]), BinaryPrimitives.ReadInt32BigEndian(bytes[36..]));
        int accuracy = BinaryPrimitives.ReadUInt16BigEndian(bytes[40..]);
        var kind = (ObstacleKind)bytes[2];
        int confidence = bytes[3];
        ObstacleReport report = dynamic
            ? new DynamicObstacleReport(reporter, detectedAt, position, accuracy, kind, confidence, BinaryPrimitives.ReadUInt16BigEndian(bytes[42..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[44..]))
            : new StaticObstacleReport(reporter, detectedAt, position, accuracy, kind, confidence);
        Validate(report);
        return report;
    }

    /// <summary>Checks every field of <paramref name="report"/>.</summary>
    /// <exception cref="ValueChainFormatException">A field is out of range; the exception names it.</exception>
    public static void Validate(ObstacleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Reporter.IsZero)
        {
            throw Invalid("reporter", report.Reporter, "must be the reporting trip address, not zero");
        }

        if (report.DetectedAt < DateTimeOffset.UnixEpoch || report.DetectedAt.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw Invalid("detectedAt", report.DetectedAt.ToString("O", CultureInfo.InvariantCulture), "must be a whole millisecond after 1970-01-01");
        }

        if (!Enum.IsDefined(report.Kind))
        {
            throw Invalid("kind", (int)report.Kind, "must be one of " + string.Join(", ", Enum.GetNames<ObstacleKind>()));
        }

        if (report.ConfidencePercent is < 0 or > 100)
        {
            throw Invalid("confidencePercent", report.ConfidencePercent, "must be 0 to 100");
        }

        if (report.AccuracyMetres is < 1 or > 1000)
        {
            throw Invalid("accuracyMetres", report.AccuracyMetres, "must be 1 to 1000 metres");
        }

        if (report is DynamicObstacleReport dynamic)
        {
            if (dynamic.VelocityCentimetresPerSecond is < 0 or > MaxVelocity)
            {
                throw Invalid("velocityCentimetresPerSecond", dynamic.VelocityCentimetresPerSecond, $"must be 0 to {MaxVelocity} cm/s");
            }

            if (dynamic.BearingCentidegrees is < 0 or > 35_999)
            {
                throw Invalid("bearingCentidegrees", dynamic.BearingCentidegrees, "must be 0 to 35 999 (0.01 degree from true north)");
            }
        }
    }

    /// <summary>The report's id: the SHA-256 of its canonical bytes, which is also the digest of its content id's multihash.</summary>
    public static Hash32 Digest(ReadOnlySpan<byte> canonicalBytes) => new(SHA256.HashData(canonicalBytes));

    /// <summary>What a reporter signs for a report with digest <paramref name="digest"/>: Keccak-256 of a domain tag and the digest.</summary>
    public static Hash32 SigningDigest(Hash32 digest)
    {
        Span<byte> buffer = stackalloc byte[SigningDomain.Length + Hash32.Length];
        SigningDomain.CopyTo(buffer);
        digest.WriteTo(buffer[SigningDomain.Length..]);
        return Keccak256.Hash(buffer);
    }

    private static GeoPoint Position(int latitude, int longitude)
    {
        try
        {
            return new GeoPoint(latitude, longitude);
        }
        catch (ValueChainFormatException e)
        {
            throw Invalid("position", $"{latitude}, {longitude}", e.Message);
        }
    }

    private static ValueChainFormatException Invalid<T>(string field, T value, string reason) =>
        new(field, Convert.ToString(value, CultureInfo.InvariantCulture), reason);
}
