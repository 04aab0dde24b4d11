namespace ValueChain.Traceability;

public sealed partial class TraceabilityChaincode
{
    private async Task<Participant?> ParticipantAsync(TraceabilityStore store, Address address) =>
        await store.GetAsync(TraceabilityKeys.Participant(address), Json.Participant)
        ?? _genesis.GetValueOrDefault(address);

    /// <summary>The caller as an active participant with one of <paramref name="roles"/> (any role when none are given).</summary>
    private async Task<Participant> CallerAsync(TraceabilityStore store, params ParticipantRole[] roles)
    {
        Address caller = store.Context.Caller;
        Participant participant = await ParticipantAsync(store, caller)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} is not a PartChain participant.");
        if (!participant.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} ({participant.Name}) was revoked at {participant.RevokedAt:O}.");
        }

        if (roles.Length > 0 && !roles.Contains(participant.Role))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{participant.Name} is a {participant.Role}; this needs {string.Join(" or ", roles)}.");
        }

        return participant;
    }

    private async Task<Participant> AdminAsync(TraceabilityStore store)
    {
        Participant admin = await CallerAsync(store);
        return admin.IsAdmin ? admin : throw new ChaincodeException(ErrorCodes.Unauthorized, $"{admin.Name} does not hold the network-admin right.");
    }

    private async Task<string?> InviteAsync(TraceabilityStore store, InviteArgs args)
    {
        Participant admin = await AdminAsync(store);
        if (string.IsNullOrWhiteSpace(args.Name) || args.Name.Length > 200 || !Enum.IsDefined(args.Role))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "An invitation needs a name of 1 to 200 characters and a role (Oem, Supplier or Lsp).");
        }

        if (await ParticipantAsync(store, args.Invitee) is not null || await store.ExistsAsync(TraceabilityKeys.Invitation(args.Invitee)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Invitee} is already a participant or invited.");
        }

        var invitation = new Invitation(args.Invitee, args.Name, args.Role, args.GrantAdmin, admin.Address, [admin.Address], InvitationStatus.Pending);
        store.Emit(TraceabilityEvents.ParticipantInvited, invitation, Json.Invitation);
        await SaveInvitationAsync(store, invitation);
        return null;
    }

    private async Task<string?> ApproveAsync(TraceabilityStore store, Address invitee)
    {
        Participant admin = await AdminAsync(store);
        Invitation invitation = await store.GetAsync(TraceabilityKeys.Invitation(invitee), Json.Invitation)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{invitee} has no invitation.");
        if (invitation.Status != InvitationStatus.Pending)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The invitation of {invitee} was already accepted.");
        }

        if (invitation.Approvals.Contains(admin.Address))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{admin.Name} already approved the invitation of {invitee}; approvals must come from distinct admins.");
        }

        Invitation approved = invitation with { Approvals = [.. invitation.Approvals, admin.Address] };
        store.Emit(TraceabilityEvents.InvitationApproved, approved, Json.Invitation);
        await SaveInvitationAsync(store, approved);
        return null;
    }

    // Saves the invitation; with enough approvals it becomes a participant at once.
    private async Task SaveInvitationAsync(TraceabilityStore store, Invitation invitation)
    {
        if (invitation.Approvals.Count >= _options.InvitationApprovals)
        {
            invitation = invitation with { Status = InvitationStatus.Accepted };
            var participant = new Participant(invitation.Invitee, invitation.Name, invitation.Role, invitation.GrantAdmin, store.Context.Timestamp, null);
            await store.PutAsync(TraceabilityKeys.Participant(participant.Address), participant, Json.Participant);
            store.Emit(TraceabilityEvents.ParticipantJoined, participant, Json.Participant);
        }

        await store.PutAsync(TraceabilityKeys.Invitation(invitation.Invitee), invitation, Json.Invitation);
    }

    private async Task<string?> RevokeAsync(TraceabilityStore store, Address target)
    {
        Participant admin = await AdminAsync(store);
        if (target == admin.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "An admin cannot revoke itself, so that the network always keeps an admin.");
        }

        Participant participant = await ParticipantAsync(store, target)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{target} is not a participant.");
        if (!participant.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{participant.Name} is already revoked.");
        }

        Participant revoked = participant with { RevokedAt = store.Context.Timestamp };
        await store.PutAsync(TraceabilityKeys.Participant(target), revoked, Json.Participant);
        store.Emit(TraceabilityEvents.ParticipantRevoked, revoked, Json.Participant);
        return null;
    }
}
