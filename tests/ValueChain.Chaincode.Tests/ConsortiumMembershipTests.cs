using ValueChain.Ledger;

namespace ValueChain.Chaincode.Tests;

// The membership block inside the embedded ledger: invitations approved by N distinct admins, roles, revocation.
public sealed class ConsortiumMembershipTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<Address> A = BlocksUnderTest.Actors;
    private EmbeddedBlocks _ledger = null!;

    public ValueTask InitializeAsync()
    {
        _ledger = EmbeddedBlocks.Open(); // two approvals per invitation; admins 0 and 1
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    [Fact]
    public async Task An_invitation_takes_effect_with_the_second_distinct_admin_approval()
    {
        TransactionReceipt invited = await _ledger.SubmitAsync(0, "invite", new InviteArgs(A[4], "Logistik Ulm", "Seller", false), BlocksJson.Default.InviteArgs);
        ConsortiumInvitation pending = (await _ledger.QueryAsync("getInvitation", $$"""{"address":"{{A[4]}}"}""", BlocksJson.Default.ConsortiumInvitation))!;
        ConsortiumMember? before = await _ledger.MemberRecordAsync(A[4]);
        await _ledger.AdvanceAsync(TimeSpan.FromHours(1));
        TransactionReceipt approved = await _ledger.SubmitAsync(1, "approveInvitation", new AddressArgs(A[4]), BlocksJson.Default.AddressArgs);

        Assert.Equal(["ParticipantInvited"], invited.Events.Select(e => e.Name));
        Assert.Equal(new ConsortiumInvitation(A[4], "Logistik Ulm", "Seller", false, A[0], [A[0]], ConsortiumInvitationStatus.Pending) with { Approvals = pending.Approvals }, pending);
        Assert.Equal([A[0]], pending.Approvals);
        Assert.Null(before);
        Assert.Equal(["InvitationApproved", "ParticipantJoined"], approved.Events.Select(e => e.Name));
        Assert.Equal(
            $$"""{"address":"{{A[4]}}","name":"Logistik Ulm","role":"Seller","isAdmin":false,"joinedAt":"2026-03-02T09:00:00+00:00","revokedAt":null,"isActive":true}""",
            approved.Events[1].PayloadJson);
        Assert.Equal(new ConsortiumMember(A[4], "Logistik Ulm", "Seller", false, EmbeddedBlocks.Start.AddHours(1), null), await _ledger.MemberRecordAsync(A[4]));
    }

    [Fact]
    public async Task Approvals_come_from_distinct_admins_and_an_accepted_invitation_takes_no_more()
    {
        await _ledger.InviteAsync(0, A[4], "Logistik Ulm", 2, false);

        Assert.Equal(ErrorCodes.Conflict, (await _ledger.ApproveInvitationAsync(0, A[4])).Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.ApproveInvitationAsync(2, A[4])).Code); // a member without the admin right
        Assert.Null((await _ledger.ApproveInvitationAsync(1, A[4])).Code);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.ApproveInvitationAsync(1, A[4])).Code);
        Assert.Equal(ErrorCodes.NotFound, (await _ledger.ApproveInvitationAsync(0, A[5])).Code);
    }

    [Fact]
    public async Task With_one_required_approval_the_invitee_joins_at_once_and_an_admin_invitee_can_invite()
    {
        await using EmbeddedBlocks single = EmbeddedBlocks.Open(BlocksUnderTest.Rules(EmbeddedBlocks.Start, approvals: 1));

        Outcome invited = await single.InviteAsync(0, A[4], "Werk Leipzig", 1, true);
        Outcome invitesNext = await single.InviteAsync(4, A[5], "Werk Zwickau", 1, false);

        Assert.Null(invited.Code);
        Assert.Null(invitesNext.Code);
        Assert.Equal((1, true, true), await single.MemberAsync(A[4]));
        Assert.Equal((1, false, true), await single.MemberAsync(A[5]));
        Assert.Equal(ConsortiumInvitationStatus.Accepted, (await single.QueryAsync("getInvitation", $$"""{"address":"{{A[5]}}"}""", BlocksJson.Default.ConsortiumInvitation))!.Status);
    }

    [Fact]
    public async Task Only_active_admins_invite()
    {
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.InviteAsync(2, A[4], "x", 1, false)).Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.InviteAsync(5, A[4], "x", 1, false)).Code);
        await _ledger.RevokeAsync(1, A[0]);
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.InviteAsync(0, A[4], "x", 1, false)).Code);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData(" \t\r\n", 1)]
    [InlineData("Werk", 0)]
    [InlineData("Werk", 3)]
    public async Task An_invitation_needs_a_name_and_a_known_role(string name, int role)
    {
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.InviteAsync(0, A[4], name, role, false)).Code);
        Assert.Null(await _ledger.QueryAsync("getInvitation", $$"""{"address":"{{A[4]}}"}""", BlocksJson.Default.ConsortiumInvitation));
    }

    [Fact]
    public async Task A_name_is_measured_in_UTF8_bytes_up_to_200()
    {
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.InviteAsync(0, A[4], new string('ü', 101), 1, false)).Code); // 202 bytes
        Assert.Null((await _ledger.InviteAsync(0, A[4], new string('ü', 100), 1, false)).Code); // 200 bytes
        Assert.Equal(ErrorCodes.InvalidFormat, (await _ledger.InviteAsync(0, Address.Zero, "Werk", 1, false)).Code);
    }

    [Fact]
    public async Task A_member_a_revoked_member_or_an_invitee_cannot_be_invited_again()
    {
        await _ledger.InviteAsync(0, A[4], "Werk", 1, false);
        await _ledger.RevokeAsync(0, A[3]);

        Assert.Equal(ErrorCodes.Conflict, (await _ledger.InviteAsync(1, A[2], "again", 1, false)).Code);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.InviteAsync(1, A[3], "again", 1, false)).Code);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.InviteAsync(1, A[4], "again", 1, false)).Code);
    }

    [Fact]
    public async Task A_revoked_member_keeps_its_record_and_can_no_longer_act()
    {
        await _ledger.MintAsync(0, A[2], 10);
        await _ledger.ApproveAsync(2, BlocksChaincode.EscrowAccount, 10);
        await _ledger.AdvanceAsync(TimeSpan.FromMinutes(5));

        TransactionReceipt revoked = await _ledger.SubmitAsync(0, "revoke", new AddressArgs(A[2]), BlocksJson.Default.AddressArgs);

        Assert.Equal(["ParticipantRevoked"], revoked.Events.Select(e => e.Name));
        Assert.Equal(new ConsortiumMember(A[2], "OEM Wolfsburg", "Buyer", false, EmbeddedBlocks.Start, EmbeddedBlocks.Start.AddMinutes(5)), await _ledger.MemberRecordAsync(A[2]));
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.LockAsync(2, "o", A[3], 10, TimeSpan.Zero)).Code);
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.RevokeAsync(1, A[2])).Code);
        List<ConsortiumMember> members = (await _ledger.QueryAsync("getMembers", "{}", BlocksJson.Default.ListConsortiumMember))!;
        Assert.Equal(A.Take(4).Order(), members.Select(m => m.Address));
        Assert.False(members.Single(m => m.Address == A[2]).IsActive);
    }

    [Fact]
    public async Task An_admin_cannot_revoke_itself_and_only_members_can_be_revoked()
    {
        Assert.Equal(ErrorCodes.Conflict, (await _ledger.RevokeAsync(0, A[0])).Code);
        Assert.Equal(ErrorCodes.NotFound, (await _ledger.RevokeAsync(0, A[5])).Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await _ledger.RevokeAsync(2, A[3])).Code);
        Assert.Null((await _ledger.RevokeAsync(0, A[1])).Code); // another admin, even a genesis one
        Assert.Equal((2, true, false), await _ledger.MemberAsync(A[1]));
    }

    [Fact]
    public void Rules_that_cannot_work_are_refused_with_the_setting_named()
    {
        DateTimeOffset t = EmbeddedBlocks.Start;
        var admin = new ConsortiumMember(A[0], "Admin", "Buyer", true, t, null);
        MembershipRules[] bad =
        [
            new(0, ["Buyer"], [admin]),
            new(1, [], [admin]),
            new(1, ["Buyer", "Buyer"], [admin]),
            new(1, ["Buyer"], [admin with { Role = "Seller" }]),
            new(1, ["Buyer"], [admin, admin with { Name = "twice" }]),
            new(1, ["Buyer"], [admin with { IsAdmin = false }]),
            new(1, ["Buyer"], [admin with { RevokedAt = t }]),
        ];

        foreach (MembershipRules rules in bad)
        {
            var refused = Assert.Throws<ConfigurationException>(() => new ConsortiumMembership("members", rules));
            Assert.Equal(ErrorCodes.Configuration, refused.Code);
        }
    }
}
