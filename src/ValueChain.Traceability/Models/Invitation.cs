namespace ValueChain.Traceability;

/// <summary>An invitation of a new participant; it takes effect with enough distinct admin approvals.</summary>
/// <param name="Invitee">The address invited.</param>
/// <param name="Name">The invitee's name.</param>
/// <param name="Role">The role it will have.</param>
/// <param name="GrantAdmin">Whether it will hold the admin right.</param>
/// <param name="InvitedBy">The admin who invited it.</param>
/// <param name="Approvals">The admins who approved so far (the inviter counts as the first).</param>
/// <param name="Status">Pending or accepted.</param>
public sealed record Invitation(Address Invitee, string Name, ParticipantRole Role, bool GrantAdmin, Address InvitedBy, IReadOnlyList<Address> Approvals, InvitationStatus Status);
