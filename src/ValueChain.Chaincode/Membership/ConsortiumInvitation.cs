namespace ValueChain.Chaincode;

/// <summary>An invitation into a consortium; it takes effect with <see cref="MembershipRules.RequiredApprovals"/> approvals by distinct admins.</summary>
/// <param name="Invitee">The address invited.</param>
/// <param name="Name">The invitee's name.</param>
/// <param name="Role">The role it will have.</param>
/// <param name="GrantAdmin">Whether it will hold the admin right.</param>
/// <param name="InvitedBy">The admin who invited it.</param>
/// <param name="Approvals">The admins who approved so far; the inviter is the first.</param>
/// <param name="Status">Pending or accepted.</param>
public sealed record ConsortiumInvitation(Address Invitee, string Name, string Role, bool GrantAdmin, Address InvitedBy, IReadOnlyList<Address> Approvals, ConsortiumInvitationStatus Status);
