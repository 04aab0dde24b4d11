namespace ValueChain.Chaincode;

/// <summary>The deployment settings of a consortium; every peer must use the same.</summary>
/// <param name="RequiredApprovals">How many distinct admins must approve an invitation (the inviter counts as the first); at least 1.</param>
/// <param name="Roles">The roles members may have, by name (for example an application enum's names).</param>
/// <param name="Genesis">The members the consortium starts with, at least one an active admin; they live in the rules, not in state, until one is revoked.</param>
public sealed record MembershipRules(int RequiredApprovals, IReadOnlyList<string> Roles, IReadOnlyList<ConsortiumMember> Genesis)
{
    /// <summary>Checks the rules.</summary>
    /// <exception cref="ConfigurationException">Fewer than one approval, no or repeated roles, a genesis member with an unknown role or twice, or no active genesis admin.</exception>
    public void Validate()
    {
        if (RequiredApprovals < 1)
        {
            throw new ConfigurationException($"A consortium needs at least 1 approval per invitation, not {RequiredApprovals}.");
        }

        if (Roles is null || Roles.Count == 0 || Roles.Any(string.IsNullOrWhiteSpace) || Roles.Distinct(StringComparer.Ordinal).Count() != Roles.Count)
        {
            throw new ConfigurationException("A consortium needs at least one role, each named once.");
        }

        if (Genesis is null || Genesis.Any(m => m is null || !Roles.Contains(m.Role, StringComparer.Ordinal) || m.Address.IsZero))
        {
            throw new ConfigurationException($"Every genesis member needs a non-zero address and one of the roles {string.Join(", ", Roles)}.");
        }

        if (Genesis.Select(m => m.Address).Distinct().Count() != Genesis.Count)
        {
            throw new ConfigurationException("A genesis member appears twice.");
        }

        if (!Genesis.Any(m => m.IsAdmin && m.IsActive))
        {
            throw new ConfigurationException("The genesis members need at least one active admin, who can then invite the others.");
        }
    }
}
