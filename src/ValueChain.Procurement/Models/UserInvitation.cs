namespace ValueChain.Procurement;

/// <summary>An invitation of a user into a company; it takes effect with enough approvals by distinct admins.</summary>
/// <param name="Invitee">The address invited.</param>
/// <param name="Name">The invitee's name.</param>
/// <param name="Role">The role it will have.</param>
/// <param name="CompanyId">The company it will belong to.</param>
/// <param name="CompanyName">The company's name when the invitation brings a new company into the marketplace, otherwise null.</param>
/// <param name="InvitedBy">The admin who invited it.</param>
/// <param name="Approvals">The admins who approved so far; the inviter is the first.</param>
/// <param name="Status">Pending or accepted.</param>
public sealed record UserInvitation(Address Invitee, string Name, ProcurementRole Role, string CompanyId, string? CompanyName, Address InvitedBy, IReadOnlyList<Address> Approvals, InvitationStatus Status);
