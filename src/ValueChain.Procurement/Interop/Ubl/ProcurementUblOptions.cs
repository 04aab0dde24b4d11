using System.Globalization;

namespace ValueChain.Procurement;

/// <summary>
/// How ledger amounts and quantities appear in the UBL documents (<see cref="ProcurementUblExport"/>): the currency
/// that backs the consortium's token, how many of its minor digits one token base unit is, and the UN/ECE
/// Recommendation 20 unit code of material quantities. Set through <see cref="ProcurementOptions.Ubl"/> or passed by hand.
/// </summary>
/// <remarks>
/// The defaults read one token base unit as one euro cent (<c>EUR</c>, 2 decimals: 1 234 base units are
/// <c>12.34</c>) and count materials in <c>EA</c> ("each": the units a slot, an order and an installation count).
/// The conversion is exact decimal text; no amount passes through floating point.
/// </remarks>
public sealed class ProcurementUblOptions
{
    /// <summary>The most decimals a token base unit may be shifted by.</summary>
    public const int MaxTokenDecimals = 18;

    /// <summary>The ISO 4217 alphabetic code written as <c>currencyID</c> of every amount (default <c>EUR</c>).</summary>
    public string CurrencyId { get; set; } = "EUR";

    /// <summary>
    /// How many decimal places of <see cref="CurrencyId"/> one token base unit is (default 2: a base unit is 0.01, a cent);
    /// 0 writes base units as whole currency units.
    /// </summary>
    public int TokenDecimals { get; set; } = 2;

    /// <summary>The UN/ECE Recommendation 20 code of material quantities (default <c>EA</c>, each; <c>C62</c>, one, is the other common choice).</summary>
    public string UnitCode { get; set; } = "EA";

    /// <summary>Unit codes for particular material numbers, where a material is counted otherwise (for example <c>LTR</c>); others use <see cref="UnitCode"/>.</summary>
    public IDictionary<string, string> UnitCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The unit code of <paramref name="materialNumber"/>.</summary>
    public string UnitCodeOf(string materialNumber) => UnitCodes.TryGetValue(materialNumber, out string? code) ? code : UnitCode;

    /// <summary>Throws when a setting is invalid.</summary>
    /// <exception cref="ConfigurationException">A setting is invalid; the message names every one.</exception>
    public void ThrowIfInvalid()
    {
        List<string> failures = Failures("ProcurementUblOptions");
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    /// <summary>What is wrong with the settings, each message starting with <paramref name="path"/> and the setting's name.</summary>
    internal List<string> Failures(string path)
    {
        var failures = new List<string>();
        if (CurrencyId is null || CurrencyId.Length != 3 || !CurrencyId.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"{path}.CurrencyId must be an ISO 4217 alphabetic code of three capital letters (such as EUR), not '{CurrencyId}'.");
        }

        if (TokenDecimals is < 0 or > MaxTokenDecimals)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.TokenDecimals is how many decimals of the currency one token base unit is, 0 to {MaxTokenDecimals}, not {TokenDecimals}."));
        }

        if (!IsUnitCode(UnitCode))
        {
            failures.Add($"{path}.UnitCode must be a UN/ECE Recommendation 20 code of 2 or 3 capital letters or digits (such as EA or C62), not '{UnitCode}'.");
        }

        foreach ((string material, string code) in UnitCodes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!IsUnitCode(code))
            {
                failures.Add($"{path}.UnitCodes['{material}'] must be a UN/ECE Recommendation 20 code of 2 or 3 capital letters or digits, not '{code}'.");
            }
        }

        return failures;
    }

    private static bool IsUnitCode(string? code) => code is { Length: 2 or 3 } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
