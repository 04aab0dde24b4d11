using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Chaincode;

/// <summary>
/// Consortium membership kept in a chaincode's state, the twin of contracts/src/shared/ConsortiumMembership.sol:
/// members with a role and optionally the admin right; new members join by an invitation that takes effect
/// when <see cref="MembershipRules.RequiredApprovals"/> distinct admins approved it (the inviter first); an
/// admin revokes a member, whose record stays, and never itself, so the consortium keeps an admin.
/// </summary>
/// <remarks>
/// Rules, the same on both ledgers: a name is 1 to 200 UTF-8 bytes with a character other than space, tab,
/// CR and LF; an address that is a member (active or revoked) or invited already cannot be invited; an
/// accepted invitation takes no more approvals. Failures: <see cref="ErrorCodes.Unauthorized"/> for a caller
/// who is no active member, lacks the role or the admin right; <see cref="ErrorCodes.InvalidFormat"/>,
/// <see cref="ErrorCodes.Conflict"/> and <see cref="ErrorCodes.NotFound"/> for the rest. Keys:
/// <c>prefix·member·address</c> and <c>prefix·invitation·address</c> (lower-case hex).
/// </remarks>
public sealed class ConsortiumMembership
{
    private static readonly ChaincodeJsonContext Json = ChaincodeJsonContext.Default;
    private readonly BlockKeys _keys;
    private readonly FrozenDictionary<Address, ConsortiumMember> _genesis;
    private readonly FrozenSet<string> _roles;

    /// <summary>Creates the membership over the keys under <paramref name="prefix"/>.</summary>
    /// <exception cref="ArgumentException">The prefix is not valid.</exception>
    /// <exception cref="ConfigurationException">The rules are not valid (see <see cref="MembershipRules.Validate"/>).</exception>
    public ConsortiumMembership(string prefix, MembershipRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        _keys = new BlockKeys(prefix, "membership");
        Rules = rules;
        _genesis = rules.Genesis.ToFrozenDictionary(m => m.Address);
        _roles = rules.Roles.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The consortium's settings.</summary>
    public MembershipRules Rules { get; }

    /// <summary>The member at <paramref name="address"/> (active or revoked), or null when it never joined.</summary>
    public async ValueTask<ConsortiumMember?> MemberAsync(IChaincodeContext context, Address address, CancellationToken cancellationToken = default) =>
        await GetAsync(context, MemberKey(address), Json.ConsortiumMember, cancellationToken) ?? _genesis.GetValueOrDefault(address);

    /// <summary>The invitation of <paramref name="invitee"/>, or null when there is none.</summary>
    public ValueTask<ConsortiumInvitation?> InvitationAsync(IChaincodeContext context, Address invitee, CancellationToken cancellationToken = default) =>
        GetAsync(context, InvitationKey(invitee), Json.ConsortiumInvitation, cancellationToken);

    /// <summary>Every member, active and revoked, in address order.</summary>
    public async ValueTask<IReadOnlyList<ConsortiumMember>> MembersAsync(IChaincodeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var members = new Dictionary<Address, ConsortiumMember>(_genesis);
        (string start, string end) = _keys.Range("member");
        await foreach (StateEntry entry in context.GetStateByRangeAsync(start, end, cancellationToken))
        {
            ConsortiumMember member = JsonSerializer.Deserialize(entry.Value.Span, Json.ConsortiumMember)!;
            members[member.Address] = member;
        }

        return [.. members.Values.OrderBy(m => m.Address)];
    }

    /// <summary>True when <paramref name="address"/> is an active member with one of <paramref name="roles"/> (any role when none are given).</summary>
    public async ValueTask<bool> IsActiveMemberAsync(IChaincodeContext context, Address address, params string[] roles) =>
        await MemberAsync(context, address) is { IsActive: true } member && (roles.Length == 0 || roles.Contains(member.Role, StringComparer.Ordinal));

    /// <summary>The caller as an active member with one of <paramref name="roles"/> (any role when none are given).</summary>
    /// <exception cref="ChaincodeException">The caller is no member, is revoked, or has another role (<see cref="ErrorCodes.Unauthorized"/>).</exception>
    public async ValueTask<ConsortiumMember> RequireCallerAsync(IChaincodeContext context, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(roles);
        Address caller = context.Caller;
        ConsortiumMember member = await MemberAsync(context, caller)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} is not a member of the consortium.");
        if (!member.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} ({member.Name}) was revoked at {member.RevokedAt:O}.");
        }

        return roles.Length == 0 || roles.Contains(member.Role, StringComparer.Ordinal)
            ? member
            : throw new ChaincodeException(ErrorCodes.Unauthorized, $"{member.Name} is a {member.Role}; this needs {string.Join(" or ", roles)}.");
    }

    /// <summary>The caller as an active member with the admin right.</summary>
    /// <exception cref="ChaincodeException">The caller is no active member or no admin (<see cref="ErrorCodes.Unauthorized"/>).</exception>
    public async ValueTask<ConsortiumMember> RequireAdminAsync(IChaincodeContext context)
    {
        ConsortiumMember admin = await RequireCallerAsync(context);
        return admin.IsAdmin ? admin : throw new ChaincodeException(ErrorCodes.Unauthorized, $"{admin.Name} does not hold the admin right.");
    }

    /// <summary>The calling admin invites <paramref name="invitee"/>; with one required approval it joins at once.</summary>
    /// <exception cref="ChaincodeException">The caller is no admin, the name or role is not valid, or the invitee is a member or invited already.</exception>
    public async ValueTask<ConsortiumInvitation> InviteAsync(IChaincodeContext context, Address invitee, string name, string role, bool grantAdmin, CancellationToken cancellationToken = default)
    {
        ConsortiumMember admin = await RequireAdminAsync(context);
        if (invitee.IsZero || !IsValidName(name) || role is null || !_roles.Contains(role))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"An invitation needs a non-zero address, a name of 1 to 200 UTF-8 bytes and one of the roles {string.Join(", ", Rules.Roles)}.");
        }

        if (await MemberAsync(context, invitee, cancellationToken) is not null || await InvitationAsync(context, invitee, cancellationToken) is not null)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{invitee} is already a member or invited.");
        }

        var invitation = new ConsortiumInvitation(invitee, name, role, grantAdmin, admin.Address, [admin.Address], ConsortiumInvitationStatus.Pending);
        context.EmitEvent(MembershipEvents.ParticipantInvited, JsonSerializer.Serialize(invitation, Json.ConsortiumInvitation));
        return await SaveInvitationAsync(context, invitation, cancellationToken);
    }

    /// <summary>The calling admin approves the pending invitation of <paramref name="invitee"/>; the last required approval makes it a member.</summary>
    /// <exception cref="ChaincodeException">The caller is no admin, there is no invitation, it was accepted, or this admin approved it already.</exception>
    public async ValueTask<ConsortiumInvitation> ApproveAsync(IChaincodeContext context, Address invitee, CancellationToken cancellationToken = default)
    {
        ConsortiumMember admin = await RequireAdminAsync(context);
        ConsortiumInvitation invitation = await InvitationAsync(context, invitee, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{invitee} has no invitation.");
        if (invitation.Status != ConsortiumInvitationStatus.Pending)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The invitation of {invitee} was already accepted.");
        }

        if (invitation.Approvals.Contains(admin.Address))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{admin.Name} already approved the invitation of {invitee}; approvals must come from distinct admins.");
        }

        ConsortiumInvitation approved = invitation with { Approvals = [.. invitation.Approvals, admin.Address] };
        context.EmitEvent(MembershipEvents.InvitationApproved, JsonSerializer.Serialize(approved, Json.ConsortiumInvitation));
        return await SaveInvitationAsync(context, approved, cancellationToken);
    }

    /// <summary>The calling admin revokes <paramref name="address"/>; its record stays with the revocation time.</summary>
    /// <exception cref="ChaincodeException">The caller is no admin or names itself, the address is no member, or it is revoked already.</exception>
    public async ValueTask<ConsortiumMember> RevokeAsync(IChaincodeContext context, Address address, CancellationToken cancellationToken = default)
    {
        ConsortiumMember admin = await RequireAdminAsync(context);
        if (address == admin.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "An admin cannot revoke itself, so that the consortium always keeps an admin.");
        }

        ConsortiumMember member = await MemberAsync(context, address, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{address} is not a member.");
        if (!member.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{member.Name} is already revoked.");
        }

        ConsortiumMember revoked = member with { RevokedAt = context.Timestamp };
        await PutAsync(context, MemberKey(address), revoked, Json.ConsortiumMember, cancellationToken);
        context.EmitEvent(MembershipEvents.ParticipantRevoked, JsonSerializer.Serialize(revoked, Json.ConsortiumMember));
        return revoked;
    }

    /// <summary>A name of 1 to 200 UTF-8 bytes that is not only spaces, tabs and line breaks.</summary>
    internal static bool IsValidName(string? name) =>
        name is not null && Encoding.UTF8.GetByteCount(name) is > 0 and <= 200 && name.Any(c => c is not (' ' or '\t' or '\r' or '\n'));

    // Saves the invitation; with enough approvals the invitee becomes a member in the same transaction.
    private async ValueTask<ConsortiumInvitation> SaveInvitationAsync(IChaincodeContext context, ConsortiumInvitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.Approvals.Count >= Rules.RequiredApprovals)
        {
            invitation = invitation with { Status = ConsortiumInvitationStatus.Accepted };
            var member = new ConsortiumMember(invitation.Invitee, invitation.Name, invitation.Role, invitation.GrantAdmin, context.Timestamp, null);
            await PutAsync(context, MemberKey(member.Address), member, Json.ConsortiumMember, cancellationToken);
            context.EmitEvent(MembershipEvents.ParticipantJoined, JsonSerializer.Serialize(member, Json.ConsortiumMember));
        }

        await PutAsync(context, InvitationKey(invitation.Invitee), invitation, Json.ConsortiumInvitation, cancellationToken);
        return invitation;
    }

    private string MemberKey(Address address) => _keys.Key("member", address.ToLowerHex());

    private string InvitationKey(Address address) => _keys.Key("invitation", address.ToLowerHex());

    private static async ValueTask<T?> GetAsync<T>(IChaincodeContext context, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ReadOnlyMemory<byte>? value = await context.GetStateAsync(key, cancellationToken);
        return value is null ? null : JsonSerializer.Deserialize(value.Value.Span, type);
    }

    private static ValueTask PutAsync<T>(IChaincodeContext context, string key, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        context.PutStateAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type), cancellationToken);
}
