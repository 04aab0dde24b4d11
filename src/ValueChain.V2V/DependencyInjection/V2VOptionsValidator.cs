using Microsoft.Extensions.Options;

namespace ValueChain.V2V;

/// <summary>
/// Checks <see cref="V2VOptions"/> at start-up, with messages that name the setting and say what to change. The
/// chaincode checks its options with the same rules when it is built by hand.
/// </summary>
public sealed class V2VOptionsValidator : IValidateOptions<V2VOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, V2VOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(V2VOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(V2VOptions options)
    {
        var failures = new List<string>();
        if (options.Issuer.IsZero)
        {
            failures.Add("V2VOptions.Issuer must be set to the enrolment issuer's signing address, which certifies trip addresses.");
        }

        if (options.Authorities.Count == 0)
        {
            failures.Add("V2VOptions.Authorities needs at least one authority's signing address (o.Authorities.Add(address) in AddV2V, or an entry under Authorities in configuration).");
        }

        var seen = new HashSet<Address>();
        for (int i = 0; i < options.Authorities.Count; i++)
        {
            Address authority = options.Authorities[i];
            if (authority.IsZero)
            {
                failures.Add($"V2VOptions.Authorities[{i}] is the zero address: give the authority's signing address.");
            }
            else if (!seen.Add(authority))
            {
                failures.Add($"V2VOptions.Authorities[{i}] repeats {authority}: list each authority once.");
            }
        }

        if (options.MatchRadiusMetres is < 1 or > 1000)
        {
            failures.Add($"V2VOptions.MatchRadiusMetres must be 1 to 1000 metres, not {options.MatchRadiusMetres}.");
        }

        if (options.MatchWindow <= TimeSpan.Zero || options.MatchWindow > TimeSpan.FromHours(1) || options.MatchWindow.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            failures.Add($"V2VOptions.MatchWindow must be whole milliseconds above zero and at most one hour, not {options.MatchWindow}.");
        }

        if (options.Expiry <= TimeSpan.Zero || options.Expiry.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"V2VOptions.Expiry must be whole seconds above zero (ledger times are seconds on Ethereum), not {options.Expiry}.");
        }

        // A cell's side, at the narrowing of longitude up to 80° latitude (cos 80° ≈ 0.17), must still hold the match radius,
        // so that the report's cell and its eight neighbours hold every obstacle it can match.
        long cellMillimetresAt80 = options.CellSizeMicrodegrees * ObstacleMatching.MillimetresPerMicrodegreeTimes1000 / 1000 * 1736 / 10_000;
        if (options.CellSizeMicrodegrees is < 100 or > 1_000_000 || cellMillimetresAt80 < options.MatchRadiusMetres * 1000L)
        {
            failures.Add($"V2VOptions.CellSizeMicrodegrees must be 100 to 1 000 000 and cover the match radius of {options.MatchRadiusMetres} m up to 80° latitude, not {options.CellSizeMicrodegrees}.");
        }

        if (options.MaxCertificateValidity <= TimeSpan.Zero || options.MaxCertificateValidity.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"V2VOptions.MaxCertificateValidity must be whole seconds above zero, not {options.MaxCertificateValidity}.");
        }

        if (options.MaxBatchSize is < 1 or > 4096)
        {
            failures.Add($"V2VOptions.MaxBatchSize must be 1 to 4096, not {options.MaxBatchSize}.");
        }

        if (options.ConfirmationReward < 0 || options.ExpiryPenalty < 0 || options.ContradictionPenalty < 0)
        {
            failures.Add("V2VOptions.ConfirmationReward, ExpiryPenalty and ContradictionPenalty must not be negative.");
        }

        return failures;
    }
}
