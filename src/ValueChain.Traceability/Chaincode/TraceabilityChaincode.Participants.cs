using ValueChain.Chaincode;

namespace ValueChain.Traceability;

// Participants are the shared ConsortiumMembership block: roles by ParticipantRole's names, the network-admin
// right as its admin right, invitations approved by TraceabilityOptions.InvitationApprovals distinct admins.
// Its members and invitations serialise exactly as Participant and Invitation, so the chaincode's answers and
// event payloads stay as they were.
public sealed partial class TraceabilityChaincode
{
    private const string MembershipPrefix = "membership";

    private ConsortiumMembership? _membership;

    // Built on first use from the options the constructor checked.
    private ConsortiumMembership Membership => _membership ??= new ConsortiumMembership(
        MembershipPrefix,
        new MembershipRules(_options.InvitationApprovals, Enum.GetNames<ParticipantRole>(), [.. _genesis.Values.Select(ToMember)]));

    private async Task<Participant?> ParticipantAsync(TraceabilityStore store, Address address) =>
        await Membership.MemberAsync(store.Context, address) is { } member ? ToParticipant(member) : null;

    /// <summary>The caller as an active participant with one of <paramref name="roles"/> (any role when none are given).</summary>
    private async Task<Participant> CallerAsync(TraceabilityStore store, params ParticipantRole[] roles) =>
        ToParticipant(await Membership.RequireCallerAsync(store.Context, [.. roles.Select(r => r.ToString())]));

    private async Task<Participant> AdminAsync(TraceabilityStore store) => ToParticipant(await Membership.RequireAdminAsync(store.Context));

    private async Task<string?> InviteAsync(TraceabilityStore store, InviteArgs args)
    {
        await Membership.InviteAsync(store.Context, args.Invitee, args.Name, args.Role.ToString(), args.GrantAdmin);
        return null;
    }

    private async Task<string?> ApproveAsync(TraceabilityStore store, Address invitee)
    {
        await Membership.ApproveAsync(store.Context, invitee);
        return null;
    }

    private async Task<string?> RevokeAsync(TraceabilityStore store, Address target)
    {
        await Membership.RevokeAsync(store.Context, target);
        return null;
    }

    private static ConsortiumMember ToMember(Participant p) => new(p.Address, p.Name, p.Role.ToString(), p.IsAdmin, p.JoinedAt, p.RevokedAt);

    private static Participant ToParticipant(ConsortiumMember m) => new(m.Address, m.Name, Enum.Parse<ParticipantRole>(m.Role), m.IsAdmin, m.JoinedAt, m.RevokedAt);
}
