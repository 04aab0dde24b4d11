namespace ValueChain.Chaincode;

/// <summary>The state of an invitation into a consortium.</summary>
public enum ConsortiumInvitationStatus
{
    /// <summary>Waiting for more approvals by distinct admins.</summary>
    Pending = 1,

    /// <summary>Approved by enough admins: the invitee is a member.</summary>
    Accepted = 2,
}
