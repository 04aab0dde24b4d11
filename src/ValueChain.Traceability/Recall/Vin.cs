namespace ValueChain.Traceability;

/// <summary>
/// Vehicle identification numbers (ISO 3779): 17 characters, digits and capital letters except I, O
/// and Q. In PartChain a vehicle is an assembly whose part id is its VIN.
/// </summary>
public static class Vin
{
    /// <summary>True when <paramref name="partId"/> has the form of a VIN.</summary>
    public static bool IsVin(string? partId) =>
        partId is { Length: 17 } && partId.All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') && c is not ('I' or 'O' or 'Q'));
}
