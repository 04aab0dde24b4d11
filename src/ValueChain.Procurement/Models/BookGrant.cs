namespace ValueChain.Procurement;

/// <summary>A third party's right to read a machine's maintenance book (for example a buyer of the used machine); revocable, and the record stays.</summary>
/// <param name="MachineId">The machine.</param>
/// <param name="Grantee">Who may read.</param>
/// <param name="GrantedBy">The company admin who granted it.</param>
/// <param name="GrantedAt">The ledger time of the grant.</param>
/// <param name="RevokedAt">The ledger time of revocation, or null while it holds.</param>
public sealed record BookGrant(string MachineId, Address Grantee, Address GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
