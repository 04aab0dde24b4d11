using System.Globalization;

namespace ValueChain.Traceability;

/// <summary>
/// How part ids become EPC URIs and back. A part number mapped to a GS1 company prefix and item
/// reference gives an SGTIN (<c>urn:epc:id:sgtin:CompanyPrefix.ItemReference.Serial</c>, the part id
/// as serial); an unmapped part number gives <c>urn:valuechain:part:Id</c>.
/// </summary>
public sealed class EpcisIdentifiers
{
    private readonly Dictionary<string, (string CompanyPrefix, string ItemReference)> _gtins = new(StringComparer.Ordinal);

    /// <summary>Maps a part number to its GS1 company prefix and item reference (with indicator digit), 13 digits together.</summary>
    /// <exception cref="ValueChainFormatException">The digits are not 13 in all, or not digits.</exception>
    public EpcisIdentifiers Map(string partNumber, string companyPrefix, string itemReference)
    {
        ArgumentNullException.ThrowIfNull(partNumber);
        if (!(companyPrefix + itemReference).All(char.IsAsciiDigit) || (companyPrefix + itemReference).Length != 13 || companyPrefix.Length is < 6 or > 12)
        {
            throw new ValueChainFormatException("GS1 company prefix and item reference", $"{companyPrefix}.{itemReference}", "need 6 to 12 prefix digits and 13 digits in all");
        }

        _gtins[partNumber] = (companyPrefix, itemReference);
        return this;
    }

    /// <summary>The EPC URI of a part.</summary>
    public string ForPart(string partId, string partNumber) =>
        _gtins.TryGetValue(partNumber, out var gtin)
            ? $"urn:epc:id:sgtin:{gtin.CompanyPrefix}.{gtin.ItemReference}.{Uri.EscapeDataString(partId)}"
            : $"urn:valuechain:part:{Uri.EscapeDataString(partId)}";

    /// <summary>The part id in an EPC URI written by <see cref="ForPart"/>, or null when the URI is not one.</summary>
    public static string? PartIdOf(string epc)
    {
        ArgumentNullException.ThrowIfNull(epc);
        if (epc.StartsWith("urn:valuechain:part:", StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(epc["urn:valuechain:part:".Length..]);
        }

        if (epc.StartsWith("urn:epc:id:sgtin:", StringComparison.Ordinal))
        {
            string[] fields = epc["urn:epc:id:sgtin:".Length..].Split('.');
            return fields.Length == 3 ? Uri.UnescapeDataString(fields[2]) : null;
        }

        return null;
    }

    /// <summary>A location as an RFC 5870 geo URI with six decimals.</summary>
    public static string GeoUri(GeoPoint point) => string.Create(CultureInfo.InvariantCulture,
        $"geo:{point.LatitudeMicrodegrees / 1e6:F6},{point.LongitudeMicrodegrees / 1e6:F6}");

    /// <summary>Reads a geo URI back, or null when it is not one.</summary>
    public static GeoPoint? FromGeoUri(string? uri)
    {
        if (uri is null || !uri.StartsWith("geo:", StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = uri[4..].Split(';')[0].Split(',');
        return parts.Length >= 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
            ? GeoPoint.FromDegrees(lat, lon)
            : null;
    }

    /// <summary>A participant as a URI.</summary>
    public static string Party(Address address) => $"urn:valuechain:participant:{address}";
}
