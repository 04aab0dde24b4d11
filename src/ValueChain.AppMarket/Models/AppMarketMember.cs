namespace ValueChain.AppMarket;

/// <summary>A member of the marketplace (the shared consortium membership, with the marketplace's roles).</summary>
/// <param name="Address">Its signing address.</param>
/// <param name="Name">The company's or developer's name.</param>
/// <param name="Role">What it does.</param>
/// <param name="IsAdmin">Whether it approves invitations, revokes members and mints tokens.</param>
/// <param name="JoinedAt">Ledger time of joining (the Unix epoch for genesis members).</param>
/// <param name="RevokedAt">Ledger time of revocation, or null while active.</param>
public sealed record AppMarketMember(Address Address, string Name, AppMarketRole Role, bool IsAdmin = false, DateTimeOffset JoinedAt = default, DateTimeOffset? RevokedAt = null)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
