namespace ValueChain.Procurement;

/// <summary>A user of the marketplace: a person or system with a key, a role and one company.</summary>
/// <param name="Address">The user's signing address.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Role">What the user does.</param>
/// <param name="CompanyId">The company the user belongs to.</param>
/// <param name="IsAdmin">Whether the user holds the membership admin right (marketplace admins and company admins): invites, approves invitations, revokes.</param>
/// <param name="JoinedAt">The ledger time of joining (the Unix epoch for genesis users).</param>
/// <param name="RevokedAt">The ledger time of revocation, or null while active.</param>
public sealed record ProcurementUser(Address Address, string Name, ProcurementRole Role, string CompanyId, bool IsAdmin = false, DateTimeOffset JoinedAt = default, DateTimeOffset? RevokedAt = null)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
