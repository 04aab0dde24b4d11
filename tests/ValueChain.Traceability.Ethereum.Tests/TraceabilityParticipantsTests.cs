using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

// Inside the namespace, so that the contract's structs (Location, Part …) win over the application's models of the same names.
using static ValueChain.Traceability.Ethereum.Contracts.Traceability;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

// PartChain's membership on anvil, as the reference chaincode: invitations approved by distinct admins,
// roles, revocation, and the errors (codes as on the embedded ledger).
public sealed class TraceabilityParticipantsTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private const byte Oem = 1;
    private const byte Supplier = 2;
    private const byte Lsp = 3;
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_takes_effect_with_the_configured_number_of_distinct_admin_approvals()
    {
        (OnChain asOem, OnChain asSupplier, _) = await DeployAsync(approvals: 2);
        EthereumClient newcomer = await AnvilClients.FundedClientAsync(anvil, _http);
        Address invitee = newcomer.Account!.Value;

        await asOem.InviteAsync(invitee, "Tier-2 Kabelbaum GmbH", Supplier, false, Cancel);
        Invitation pending = await asOem.InvitationAsync(invitee, Cancel);
        var again = await Assert.ThrowsAsync<ConflictException>(() => asOem.ApproveInvitationAsync(invitee, Cancel));
        TransactionReceipt approved = await asSupplier.ApproveInvitationAsync(invitee, Cancel);
        Participant joined = await asOem.ParticipantAsync(invitee, Cancel);

        Assert.Equal((1, (byte)1), (pending.Approvals.Count, pending.Status));
        Assert.Contains("distinct", again.Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Conflict, again.Code);
        Assert.Single(ParticipantJoinedEvent.FromReceipt(approved, asOem.Address));
        Assert.Equal((invitee, "Tier-2 Kabelbaum GmbH", Supplier, false, 0UL), (joined.Account, joined.Name, joined.Role, joined.IsAdmin, joined.RevokedAt));
        Assert.Equal((byte)2, (await asOem.InvitationAsync(invitee, Cancel)).Status);
        await Assert.ThrowsAsync<ConflictException>(() => asOem.InviteAsync(invitee, "again", Supplier, false, Cancel));
    }

    [Fact]
    public async Task Only_active_admins_manage_members_with_valid_names_and_roles()
    {
        (OnChain asOem, OnChain asSupplier, OnChain asLsp) = await DeployAsync(approvals: 1);
        Address someone = PrivateKey.Generate().Address;

        var notAdmin = await Assert.ThrowsAsync<UnauthorizedException>(() => asLsp.InviteAsync(someone, "x", Oem, false, Cancel));
        var badRole = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.InviteAsync(someone, "x", 4, false, Cancel));
        var longName = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.InviteAsync(someone, new string('x', 201), Oem, false, Cancel));
        var self = await Assert.ThrowsAsync<ConflictException>(() => asOem.RevokeAsync(asOem.Client.Account!.Value, Cancel));
        var noInvitation = await Assert.ThrowsAsync<NotFoundException>(() => asOem.ApproveInvitationAsync(someone, Cancel));
        await asOem.RevokeAsync(asSupplier.Client.Account!.Value, Cancel);
        var revoked = await Assert.ThrowsAsync<UnauthorizedException>(() => asSupplier.InviteAsync(someone, "x", Oem, false, Cancel));
        var twice = await Assert.ThrowsAsync<ConflictException>(() => asOem.RevokeAsync(asSupplier.Client.Account!.Value, Cancel));

        Assert.Equal(ErrorCodes.Unauthorized, notAdmin.Code);
        Assert.Contains("admin", notAdmin.Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidFormat, badRole.Code);
        Assert.Equal(ErrorCodes.InvalidFormat, longName.Code);
        Assert.Equal(ErrorCodes.Conflict, self.Code);
        Assert.Equal(ErrorCodes.NotFound, noInvitation.Code);
        Assert.Equal((asSupplier.Client.Account!.Value, "revoked"), (revoked.Caller, revoked.Reason));
        Assert.Equal(ErrorCodes.Conflict, twice.Code);
        Assert.NotEqual(0UL, (await asOem.ParticipantAsync(asSupplier.Client.Account!.Value, Cancel)).RevokedAt); // the record stays
    }

    // Two admins (an OEM and a supplier) and an LSP without the admin right.
    private Task<(OnChain AsOem, OnChain AsSupplier, OnChain AsLsp)> DeployAsync(uint approvals) =>
        TraceabilitySetup.DeployAsync(anvil, _http, approvals, supplierIsAdmin: true);
}
