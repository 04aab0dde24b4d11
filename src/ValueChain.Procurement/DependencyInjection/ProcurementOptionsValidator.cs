using Microsoft.Extensions.Options;

namespace ValueChain.Procurement;

/// <summary>
/// Checks <see cref="ProcurementOptions"/> at start-up, with messages that name the setting and say what to
/// change. The chaincode checks its options with the same rules when it is built by hand.
/// </summary>
public sealed class ProcurementOptionsValidator : IValidateOptions<ProcurementOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProcurementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(ProcurementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(ProcurementOptions options)
    {
        var failures = new List<string>();
        if (options.InvitationApprovals < 1)
        {
            failures.Add($"ProcurementOptions.InvitationApprovals must be at least 1 (how many distinct admins approve an invitation), not {options.InvitationApprovals}.");
        }

        if (options.CancellationGrace < TimeSpan.Zero || options.CancellationGrace.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"ProcurementOptions.CancellationGrace must be whole seconds and not negative (Ethereum block times are whole seconds), not {options.CancellationGrace}.");
        }

        if (options.StartingRate is < 0 or > SupplierEvaluation.FullRate)
        {
            failures.Add($"ProcurementOptions.StartingRate is in basis points, 0 to 10000, not {options.StartingRate}.");
        }

        failures.AddRange(options.Ubl.Failures("ProcurementOptions.Ubl"));
        var companies = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.GenesisCompanies.Count; i++)
        {
            GenesisCompany? company = options.GenesisCompanies[i];
            string at = $"ProcurementOptions.GenesisCompanies[{i}]";
            if (company is null || !ProcurementValidation.IsValidId(company.CompanyId) || string.IsNullOrWhiteSpace(company.Name))
            {
                failures.Add($"{at} needs a CompanyId of 1 to 64 printable characters and a Name.");
            }
            else if (!companies.Add(company.CompanyId))
            {
                failures.Add($"{at} repeats the company id '{company.CompanyId}': list each genesis company once.");
            }
        }

        var seen = new HashSet<Address>();
        int admins = 0;
        for (int i = 0; i < options.GenesisUsers.Count; i++)
        {
            ProcurementUser? user = options.GenesisUsers[i];
            string at = $"ProcurementOptions.GenesisUsers[{i}]";
            if (user is null)
            {
                failures.Add($"{at} is null: remove it or give the user.");
                continue;
            }

            if (user.Address.IsZero)
            {
                failures.Add($"{at} has no Address: set it to the user's signing address.");
            }
            else if (!seen.Add(user.Address))
            {
                failures.Add($"{at} repeats the address {user.Address}: list each genesis user once.");
            }

            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{at} ({user.Address}) has no Name.");
            }

            if (!Enum.IsDefined(user.Role))
            {
                failures.Add($"{at} ({user.Address}) has the role {user.Role}: use one of {string.Join(", ", Enum.GetNames<ProcurementRole>())}.");
            }

            if (user.CompanyId is null || !companies.Contains(user.CompanyId))
            {
                failures.Add($"{at} ({user.Address}) belongs to the company '{user.CompanyId}', which is not in GenesisCompanies: add it there.");
            }

            if (user.RevokedAt is not null)
            {
                failures.Add($"{at} ({user.Address}) has RevokedAt set: a genesis user starts active.");
            }

            if (user.IsAdmin && user.Role is not (ProcurementRole.MarketplaceAdmin or ProcurementRole.Admin))
            {
                failures.Add($"{at} ({user.Address}) is a {user.Role} with IsAdmin: only marketplace admins and company admins hold the admin right.");
            }

            if (user is { IsAdmin: true, Role: ProcurementRole.MarketplaceAdmin })
            {
                admins++;
            }
        }

        if (admins == 0)
        {
            failures.Add(
                "ProcurementOptions.GenesisUsers needs at least one marketplace admin, who then invites the companies: add a user with Role = MarketplaceAdmin and IsAdmin = true " +
                "(o.GenesisUsers.Add(new ProcurementUser(address, name, ProcurementRole.MarketplaceAdmin, companyId, IsAdmin: true)) in AddProcurement).");
        }
        else if (options.InvitationApprovals > options.GenesisUsers.Count(u => u?.IsAdmin == true))
        {
            failures.Add($"ProcurementOptions.InvitationApprovals is {options.InvitationApprovals} but GenesisUsers has fewer admins, so no invitation could ever be approved: add genesis admins or lower InvitationApprovals.");
        }

        return failures;
    }
}
