namespace ValueChain.Flexibility;

/// <summary>The outcome of checking one energy transfer record: the first check it fails, or the meter and energy it proves.</summary>
/// <param name="Rejection">The first failed check, or null when the record pays.</param>
/// <param name="Meter">The recovered meter (zero when recovery failed).</param>
/// <param name="EnergyWh">The energy the record proves.</param>
public sealed record EtrVerification(EtrRejection? Rejection, Address Meter, ulong EnergyWh)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Rejection is null;
}
