using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>AltitudeConfidence</c> classes, written as their ASN.1 identifiers.</summary>
public enum AltitudeConfidence
{
    /// <summary>Within 0.01 m.</summary>
    [JsonStringEnumMemberName("alt-000-01")] Alt00001 = 0,

    /// <summary>Within 0.02 m.</summary>
    [JsonStringEnumMemberName("alt-000-02")] Alt00002 = 1,

    /// <summary>Within 0.05 m.</summary>
    [JsonStringEnumMemberName("alt-000-05")] Alt00005 = 2,

    /// <summary>Within 0.1 m.</summary>
    [JsonStringEnumMemberName("alt-000-10")] Alt00010 = 3,

    /// <summary>Within 0.2 m.</summary>
    [JsonStringEnumMemberName("alt-000-20")] Alt00020 = 4,

    /// <summary>Within 0.5 m.</summary>
    [JsonStringEnumMemberName("alt-000-50")] Alt00050 = 5,

    /// <summary>Within 1 m.</summary>
    [JsonStringEnumMemberName("alt-001-00")] Alt00100 = 6,

    /// <summary>Within 2 m.</summary>
    [JsonStringEnumMemberName("alt-002-00")] Alt00200 = 7,

    /// <summary>Within 5 m.</summary>
    [JsonStringEnumMemberName("alt-005-00")] Alt00500 = 8,

    /// <summary>Within 10 m.</summary>
    [JsonStringEnumMemberName("alt-010-00")] Alt01000 = 9,

    /// <summary>Within 20 m.</summary>
    [JsonStringEnumMemberName("alt-020-00")] Alt02000 = 10,

    /// <summary>Within 50 m.</summary>
    [JsonStringEnumMemberName("alt-050-00")] Alt05000 = 11,

    /// <summary>Within 100 m.</summary>
    [JsonStringEnumMemberName("alt-100-00")] Alt10000 = 12,

    /// <summary>Within 200 m.</summary>
    [JsonStringEnumMemberName("alt-200-00")] Alt20000 = 13,

    /// <summary>Beyond 200 m.</summary>
    [JsonStringEnumMemberName("outOfRange")] OutOfRange = 14,

    /// <summary>Not known.</summary>
    [JsonStringEnumMemberName("unavailable")] Unavailable = 15,
}
