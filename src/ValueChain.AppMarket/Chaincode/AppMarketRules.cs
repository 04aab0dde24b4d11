using System.Text;

namespace ValueChain.AppMarket;

/// <summary>
/// The marketplace's input rules, shared by the chaincode and off-chain code so that both refuse the same input with
/// the same message: each failure is a <see cref="ChaincodeException"/> with <see cref="ErrorCodes.InvalidFormat"/>
/// that names the field.
/// </summary>
public static class AppMarketRules
{
    /// <summary>The longest app, device or device-type id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The most device types, icons or screenshots of one version.</summary>
    public const int MaxListLength = 16;

    /// <summary>The shortest subscription period, in seconds.</summary>
    public const long MinimumPeriodSeconds = 60;

    /// <summary>Checks an id (app, device, device type): 1 to <see cref="MaxIdLength"/> ASCII letters, digits, '.', '_' or '-'.</summary>
    /// <exception cref="ChaincodeException">The id is not valid; the message names <paramref name="field"/>.</exception>
    public static void RequireId(string? id, string field)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw Invalid(field, $"must be 1 to {MaxIdLength} ASCII letters, digits, '.', '_' or '-', not '{id}'");
        }
    }

    /// <summary>Checks a display name: 1 to 200 UTF-8 bytes, not blank, no control characters.</summary>
    /// <exception cref="ChaincodeException">The name is not valid; the message names <paramref name="field"/>.</exception>
    public static void RequireName(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name) || Encoding.UTF8.GetByteCount(name) > 200 || name.Any(char.IsControl))
        {
            throw Invalid(field, "must be 1 to 200 UTF-8 bytes, not blank, without control characters");
        }
    }

    /// <summary>Checks a content id: 1 to 128 ASCII letters and digits (an IPFS CID's alphabet).</summary>
    /// <exception cref="ChaincodeException">The content id is not valid; the message names <paramref name="field"/>.</exception>
    public static void RequireCid(string? cid, string field)
    {
        if (string.IsNullOrEmpty(cid) || cid.Length > 128 || !cid.All(char.IsAsciiLetterOrDigit))
        {
            throw Invalid(field, $"must be a content id (1 to 128 ASCII letters and digits), not '{cid}'");
        }
    }

    /// <summary>Checks everything in a publication except the payment model's own rules (the chaincode asks the model).</summary>
    /// <exception cref="ChaincodeException">A field is not valid; the message names it.</exception>
    public static void RequirePublication(AppPublication? publication)
    {
        if (publication is null)
        {
            throw Invalid("publication", "is missing");
        }

        RequireId(publication.AppId, "AppId");
        RequireName(publication.Name, "Name");
        if (!publication.Version.IsValid)
        {
            throw Invalid("Version", $"must be major.minor.patch with parts of 0 to {AppVersion.MaxPart}, above 0.0.0, not {publication.Version}");
        }

        if (publication.Pricing is null || string.IsNullOrEmpty(publication.Pricing.Model))
        {
            throw Invalid("Pricing", "must name a payment model and a price");
        }

        RequireList(publication.DeviceTypes, "DeviceTypes", 1);
        foreach (string type in publication.DeviceTypes)
        {
            RequireId(type, "DeviceTypes[]");
        }

        if (publication.DeviceTypes.Distinct(StringComparer.Ordinal).Count() != publication.DeviceTypes.Count)
        {
            throw Invalid("DeviceTypes", "must name each device type once");
        }

        if (publication.Binary is null)
        {
            throw Invalid("Binary", "is missing: give the warehouse CID, the length and the SHA-256");
        }

        RequireCid(publication.Binary.Cid, "Binary.Cid");
        if (publication.Binary.Length <= 0)
        {
            throw Invalid("Binary.Length", $"must be above zero, not {publication.Binary.Length}");
        }

        if (publication.Binary.Sha256 == Hash32.Zero)
        {
            throw Invalid("Binary.Sha256", "must be the binary's SHA-256, not zero");
        }

        RequireList(publication.Icons, "Icons", 0);
        RequireList(publication.Screenshots, "Screenshots", 0);
        foreach (string cid in publication.Icons.Concat(publication.Screenshots))
        {
            RequireCid(cid, "Icons/Screenshots[]");
        }
    }

    private static void RequireList<T>(IReadOnlyList<T>? list, string field, int minimum)
    {
        if (list is null || list.Count < minimum || list.Count > MaxListLength)
        {
            throw Invalid(field, $"must hold {minimum} to {MaxListLength} entries, not {list?.Count ?? 0}");
        }
    }

    private static ChaincodeException Invalid(string field, string what) => new(ErrorCodes.InvalidFormat, $"{field} {what}.");
}
