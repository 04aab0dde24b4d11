using Microsoft.Extensions.Options;

namespace ValueChain.AppMarket;

/// <summary>
/// Checks <see cref="AppMarketOptions"/> at start-up, with messages that name the setting and say what to change. The
/// chaincode checks its options with the same rules when it is built by hand.
/// </summary>
public sealed class AppMarketOptionsValidator : IValidateOptions<AppMarketOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AppMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(AppMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(AppMarketOptions options)
    {
        var failures = new List<string>();
        if (options.InvitationApprovals < 1)
        {
            failures.Add($"AppMarketOptions.InvitationApprovals must be at least 1 (how many distinct admins approve an invitation), not {options.InvitationApprovals}.");
        }

        if (options.ChainId == 0)
        {
            failures.Add("AppMarketOptions.ChainId must not be 0: set the chain id of the EIP-712 domain devices sign reports in (31337 for a local chain).");
        }

        if (options.InstallTimeout <= TimeSpan.Zero || options.InstallTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"AppMarketOptions.InstallTimeout must be a positive whole number of seconds (Ethereum block times are whole seconds), not {options.InstallTimeout}.");
        }

        if (options.MaxReportsPerSettlement is < 1 or > 5000)
        {
            failures.Add($"AppMarketOptions.MaxReportsPerSettlement must be 1 to 5000, not {options.MaxReportsPerSettlement}.");
        }

        var seen = new HashSet<Address>();
        int admins = 0;
        for (int i = 0; i < options.GenesisMembers.Count; i++)
        {
            AppMarketMember? member = options.GenesisMembers[i];
            string at = $"AppMarketOptions.GenesisMembers[{i}]";
            if (member is null)
            {
                failures.Add($"{at} is null: remove it or give the member.");
                continue;
            }

            if (member.Address.IsZero)
            {
                failures.Add($"{at} has no Address: set it to the member's signing address.");
            }
            else if (!seen.Add(member.Address))
            {
                failures.Add($"{at} repeats the address {member.Address}: list each genesis member once.");
            }

            if (string.IsNullOrWhiteSpace(member.Name))
            {
                failures.Add($"{at} ({member.Address}) has no Name: set the operator's, developer's or company's name.");
            }

            if (!Enum.IsDefined(member.Role))
            {
                failures.Add($"{at} ({member.Address}) has the role {member.Role}, which is not an AppMarketRole: use one of {string.Join(", ", Enum.GetNames<AppMarketRole>())}.");
            }

            if (member.RevokedAt is not null)
            {
                failures.Add($"{at} ({member.Address}) has RevokedAt set: a genesis member starts active, so leave RevokedAt unset.");
            }

            if (member.IsAdmin)
            {
                admins++;
            }
        }

        if (admins == 0)
        {
            failures.Add(
                "AppMarketOptions.GenesisMembers needs at least one admin, who then invites developers and companies: add a member with IsAdmin = true " +
                "(o.GenesisMembers.Add(new AppMarketMember(address, name, AppMarketRole.Operator, IsAdmin: true)) in AddAppMarket, or an entry under GenesisMembers in configuration).");
        }
        else if (options.InvitationApprovals > admins)
        {
            failures.Add($"AppMarketOptions.InvitationApprovals is {options.InvitationApprovals} but GenesisMembers has {admins} admin(s), so no invitation could ever be approved: add genesis admins or lower InvitationApprovals.");
        }

        return failures;
    }
}
