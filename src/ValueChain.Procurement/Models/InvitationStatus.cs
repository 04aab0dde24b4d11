namespace ValueChain.Procurement;

/// <summary>The state of an invitation into the marketplace.</summary>
public enum InvitationStatus
{
    /// <summary>Waiting for more approvals by distinct admins.</summary>
    Pending = 1,

    /// <summary>Approved by enough admins: the invitee is a user.</summary>
    Accepted = 2,
}
