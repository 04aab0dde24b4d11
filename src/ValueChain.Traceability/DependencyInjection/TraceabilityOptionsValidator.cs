using Microsoft.Extensions.Options;

namespace ValueChain.Traceability;

/// <summary>
/// Checks <see cref="TraceabilityOptions"/> at start-up, with messages that name the setting and say what to
/// change. The chaincode checks its options with the same rules when it is built by hand.
/// </summary>
public sealed class TraceabilityOptionsValidator : IValidateOptions<TraceabilityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TraceabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(TraceabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(TraceabilityOptions options)
    {
        var failures = new List<string>();
        if (options.InvitationApprovals < 1)
        {
            failures.Add($"TraceabilityOptions.InvitationApprovals must be at least 1 (how many distinct admins approve an invitation or a correction), not {options.InvitationApprovals}.");
        }

        if (options.LateTolerance < TimeSpan.Zero)
        {
            failures.Add($"TraceabilityOptions.LateTolerance must not be negative (how late after the requested date a delivery is still accepted), not {options.LateTolerance}.");
        }

        if (string.IsNullOrWhiteSpace(options.DetailsCollection))
        {
            failures.Add("TraceabilityOptions.DetailsCollection must name the private data collection for order and delivery details (the default is \"traceabilityDetails\"); it is used only where the deployment declares it.");
        }

        var seen = new HashSet<Address>();
        int admins = 0;
        for (int i = 0; i < options.GenesisParticipants.Count; i++)
        {
            Participant? participant = options.GenesisParticipants[i];
            string at = $"TraceabilityOptions.GenesisParticipants[{i}]";
            if (participant is null)
            {
                failures.Add($"{at} is null: remove it or give the participant.");
                continue;
            }

            if (participant.Address.IsZero)
            {
                failures.Add($"{at} has no Address: set it to the participant's signing address.");
            }
            else if (!seen.Add(participant.Address))
            {
                failures.Add($"{at} repeats the address {participant.Address}: list each genesis participant once.");
            }

            if (string.IsNullOrWhiteSpace(participant.Name))
            {
                failures.Add($"{at} ({participant.Address}) has no Name: set the company or site name.");
            }

            if (!Enum.IsDefined(participant.Role))
            {
                failures.Add($"{at} ({participant.Address}) has the role {participant.Role}, which is not a ParticipantRole: use one of {string.Join(", ", Enum.GetNames<ParticipantRole>())}.");
            }

            if (participant.RevokedAt is not null)
            {
                failures.Add($"{at} ({participant.Address}) has RevokedAt set: a genesis participant starts active, so leave RevokedAt unset.");
            }

            if (participant.IsAdmin)
            {
                admins++;
            }
        }

        if (admins == 0)
        {
            failures.Add(
                "TraceabilityOptions.GenesisParticipants needs at least one admin, who then invites the others: add a participant with IsAdmin = true " +
                "(o.GenesisParticipants.Add(new Participant(address, name, role, IsAdmin: true)) in AddTraceability, or an entry under GenesisParticipants in configuration).");
        }
        else if (options.InvitationApprovals > admins)
        {
            failures.Add(
                $"TraceabilityOptions.InvitationApprovals is {options.InvitationApprovals} but GenesisParticipants has {admins} admin(s), so no invitation could ever be approved: " +
                "add genesis admins or lower InvitationApprovals.");
        }

        return failures;
    }
}
