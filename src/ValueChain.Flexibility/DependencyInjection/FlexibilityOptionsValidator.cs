using Microsoft.Extensions.Options;

namespace ValueChain.Flexibility;

/// <summary>
/// Checks <see cref="FlexibilityOptions"/> at start-up, with messages that name the setting and say what to
/// change. The chaincode checks its options with the same rules when it is built by hand.
/// </summary>
public sealed class FlexibilityOptionsValidator : IValidateOptions<FlexibilityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FlexibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(FlexibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(FlexibilityOptions options)
    {
        var failures = new List<string>();
        if (options.Verifiers.Count == 0)
        {
            failures.Add(
                "FlexibilityOptions.Verifiers needs at least one verifier (the TSO), who then whitelists the DSOs, fleet operators and meters: add one with Role = Verifier " +
                "(o.Verifiers.Add(new MarketParticipant(address, MarketRole.Verifier, name)) in AddFlexibility, or an entry under Verifiers in configuration).");
        }

        var seen = new HashSet<Address>();
        for (int i = 0; i < options.Verifiers.Count; i++)
        {
            MarketParticipant? verifier = options.Verifiers[i];
            string at = $"FlexibilityOptions.Verifiers[{i}]";
            if (verifier is null)
            {
                failures.Add($"{at} is null: remove it or give the verifier.");
                continue;
            }

            if (verifier.Address.IsZero)
            {
                failures.Add($"{at} has no Address: set it to the verifier's signing address.");
            }
            else if (!seen.Add(verifier.Address))
            {
                failures.Add($"{at} repeats the address {verifier.Address}: list each verifier once.");
            }

            if (string.IsNullOrWhiteSpace(verifier.Name))
            {
                failures.Add($"{at} ({verifier.Address}) has no Name: set the verifier's name.");
            }

            if (verifier.Role != MarketRole.Verifier)
            {
                failures.Add($"{at} ({verifier.Address}) has the role {verifier.Role}: the market starts with verifiers only, so set Role = Verifier and let a verifier whitelist the others after start.");
            }
        }

        if (options.Clock is not { } clock)
        {
            failures.Add("FlexibilityOptions.Clock must be set (MarketClock.Default is the published design).");
        }
        else
        {
            if (clock.StageLength <= TimeSpan.Zero)
            {
                failures.Add($"FlexibilityOptions.Clock.StageLength must be positive (the length of each of a round's three stages), not {clock.StageLength}.");
            }

            if (clock.GateClosure < TimeSpan.Zero || (clock.StageLength > TimeSpan.Zero && clock.GateClosure >= clock.StageLength))
            {
                failures.Add($"FlexibilityOptions.Clock.GateClosure must be at least zero and shorter than Clock.StageLength ({clock.StageLength}), not {clock.GateClosure}.");
            }
        }

        if (options.ChainId == 0)
        {
            failures.Add("FlexibilityOptions.ChainId must not be 0: set the chain id of the energy transfer records' EIP-712 domain (on Ethereum, the chain's id; 31337 by default).");
        }

        if (options.PenaltyGrace < TimeSpan.Zero)
        {
            failures.Add($"FlexibilityOptions.PenaltyGrace must not be negative (how long after an offer's delivery window the buyer waits to enforce the penalty), not {options.PenaltyGrace}.");
        }

        return failures;
    }
}
