namespace ValueChain.Traceability;

/// <summary>The state of an invitation.</summary>
public enum InvitationStatus
{
    /// <summary>Waiting for more admin approvals.</summary>
    Pending = 1,

    /// <summary>Approved by enough admins: the invitee is a participant.</summary>
    Accepted = 2,
}
