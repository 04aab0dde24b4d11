using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.AppMarket;

/// <summary>
/// An app's version, <c>major.minor.patch</c> with each part 0 to 65535, ordered part by part. Versions of one app
/// only go up. In JSON it is the text <c>"1.2.3"</c>; on Ethereum the packed <see cref="Packed"/> number.
/// </summary>
/// <param name="Major">The major part.</param>
/// <param name="Minor">The minor part.</param>
/// <param name="Patch">The patch part.</param>
[JsonConverter(typeof(AppVersionJsonConverter))]
public readonly record struct AppVersion(int Major, int Minor, int Patch) : IComparable<AppVersion>
{
    /// <summary>The largest value of one part.</summary>
    public const int MaxPart = ushort.MaxValue;

    /// <summary>The version as one number, <c>major·2³² + minor·2¹⁶ + patch</c>, ordered as the version is.</summary>
    public ulong Packed => ((ulong)(uint)Major << 32) | ((ulong)(uint)Minor << 16) | (uint)Patch;

    /// <summary>True when every part is within 0 to <see cref="MaxPart"/> and the version is above 0.0.0.</summary>
    public bool IsValid => Major is >= 0 and <= MaxPart && Minor is >= 0 and <= MaxPart && Patch is >= 0 and <= MaxPart && Packed != 0;

    /// <summary>Reads <c>major.minor.patch</c>.</summary>
    /// <exception cref="ValueChainFormatException">The text is not three dot-separated numbers of 0 to 65535, or is 0.0.0.</exception>
    public static AppVersion Parse(string text) =>
        TryParse(text, out AppVersion version) ? version : throw new ValueChainFormatException("version", text, $"an app version is major.minor.patch with parts of 0 to {MaxPart}, above 0.0.0.");

    /// <summary>Reads <c>major.minor.patch</c>; false when the text is not a valid version.</summary>
    public static bool TryParse(string? text, out AppVersion version)
    {
        version = default;
        string[] parts = text?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (int i = 0; i < 3; i++)
        {
            if (parts[i].Length is 0 or > 5 || !parts[i].All(char.IsAsciiDigit) || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new AppVersion(numbers[0], numbers[1], numbers[2]);
        return version.IsValid;
    }

    /// <summary>The version unpacked from <see cref="Packed"/>.</summary>
    public static AppVersion FromPacked(ulong packed) => new((int)((packed >> 32) & 0xFFFF), (int)((packed >> 16) & 0xFFFF), (int)(packed & 0xFFFF));

    /// <inheritdoc />
    public int CompareTo(AppVersion other) => Packed.CompareTo(other.Packed);

    /// <summary>True when <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(AppVersion left, AppVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(AppVersion left, AppVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is <paramref name="right"/> or later.</summary>
    public static bool operator >=(AppVersion left, AppVersion right) => left.CompareTo(right) >= 0;

    /// <summary>True when <paramref name="left"/> is <paramref name="right"/> or earlier.</summary>
    public static bool operator <=(AppVersion left, AppVersion right) => left.CompareTo(right) <= 0;

    /// <summary>The version as <c>major.minor.patch</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}

/// <summary>Writes an <see cref="AppVersion"/> as its <c>major.minor.patch</c> text.</summary>
internal sealed class AppVersionJsonConverter : JsonConverter<AppVersion>
{
    public override AppVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AppVersion.TryParse(reader.GetString(), out AppVersion version) ? version : throw new JsonException($"'{reader.GetString()}' is not an app version (major.minor.patch).");

    public override void Write(Utf8JsonWriter writer, AppVersion value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
