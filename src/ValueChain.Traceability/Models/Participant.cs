namespace ValueChain.Traceability;

/// <summary>A registered member of the PartChain network.</summary>
/// <param name="Address">The participant's signing address.</param>
/// <param name="Name">The company or site name.</param>
/// <param name="Role">What it does in the chain.</param>
/// <param name="IsAdmin">Whether it holds the network-admin right (approves invitations, revokes).</param>
/// <param name="JoinedAt">Ledger time of joining (the Unix epoch for genesis participants, which need not set it).</param>
/// <param name="RevokedAt">Ledger time of revocation, or null while active.</param>
public sealed record Participant(Address Address, string Name, ParticipantRole Role, bool IsAdmin = false, DateTimeOffset JoinedAt = default, DateTimeOffset? RevokedAt = null)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
