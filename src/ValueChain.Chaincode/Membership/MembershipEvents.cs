namespace ValueChain.Chaincode;

/// <summary>The names of the events a <see cref="ConsortiumMembership"/> emits (the Solidity twin emits the same names).</summary>
public static class MembershipEvents
{
    /// <summary>An admin invited an address; the payload is the <see cref="ConsortiumInvitation"/> with its first approval.</summary>
    public const string ParticipantInvited = "ParticipantInvited";

    /// <summary>Another admin approved an invitation; the payload is the <see cref="ConsortiumInvitation"/> with the new approval.</summary>
    public const string InvitationApproved = "InvitationApproved";

    /// <summary>An invitation had enough approvals: the payload is the new <see cref="ConsortiumMember"/>.</summary>
    public const string ParticipantJoined = "ParticipantJoined";

    /// <summary>An admin revoked a member; the payload is the <see cref="ConsortiumMember"/> with its revocation time.</summary>
    public const string ParticipantRevoked = "ParticipantRevoked";
}
