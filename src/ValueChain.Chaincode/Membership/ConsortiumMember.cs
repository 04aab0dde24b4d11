namespace ValueChain.Chaincode;

/// <summary>A member of a consortium; a revoked member's record stays, with the time of its revocation.</summary>
/// <param name="Address">The member's signing address.</param>
/// <param name="Name">The company, site or person.</param>
/// <param name="Role">One of the roles of the consortium's <see cref="MembershipRules"/>.</param>
/// <param name="IsAdmin">Whether it holds the admin right (invites, approves invitations, revokes).</param>
/// <param name="JoinedAt">The ledger time of joining (given by the deployment for genesis members).</param>
/// <param name="RevokedAt">The ledger time of revocation, or null while active.</param>
public sealed record ConsortiumMember(Address Address, string Name, string Role, bool IsAdmin, DateTimeOffset JoinedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
