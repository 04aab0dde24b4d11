using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests.DependencyInjection;

public sealed class TraceabilityOptionsValidatorTests
{
    [Fact]
    public void The_case_study_options_are_valid()
    {
        Assert.True(new TraceabilityOptionsValidator().Validate(null, Options(invitationApprovals: 2)).Succeeded);
    }

    [Theory]
    [InlineData("no approvals", "TraceabilityOptions.InvitationApprovals must be at least 1 (how many distinct admins approve an invitation or a correction), not 0.")]
    [InlineData("negative late tolerance", "TraceabilityOptions.LateTolerance must not be negative (how late after the requested date a delivery is still accepted), not -01:00:00.")]
    [InlineData("null participant", "TraceabilityOptions.GenesisParticipants[5] is null: remove it or give the participant.")]
    [InlineData("zero address", "TraceabilityOptions.GenesisParticipants[5] has no Address: set it to the participant's signing address.")]
    [InlineData("repeated address", "TraceabilityOptions.GenesisParticipants[5] repeats the address")]
    [InlineData("no name", "TraceabilityOptions.GenesisParticipants[5] (0x")]
    [InlineData("unknown role", "has the role 99, which is not a ParticipantRole: use one of")]
    [InlineData("revoked", "has RevokedAt set: a genesis participant starts active, so leave RevokedAt unset.")]
    [InlineData("no participants", "TraceabilityOptions.GenesisParticipants needs at least one admin, who then invites the others: add a participant with IsAdmin = true")]
    [InlineData("no admin", "TraceabilityOptions.GenesisParticipants needs at least one admin, who then invites the others: add a participant with IsAdmin = true")]
    [InlineData("more approvals than admins", "TraceabilityOptions.InvitationApprovals is 3 but GenesisParticipants has 2 admin(s), so no invitation could ever be approved: add genesis admins or lower InvitationApprovals.")]
    public void Each_rule_names_the_setting_and_what_to_change_at_start_up_and_in_the_chaincode(string broken, string message)
    {
        TraceabilityOptions options = Options();
        Break(options, broken);

        Microsoft.Extensions.Options.ValidateOptionsResult result = new TraceabilityOptionsValidator().Validate(null, options);
        var error = Assert.Throws<ConfigurationException>(() => new TraceabilityChaincode(options));

        Assert.True(result.Failed);
        Assert.Single(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.Configuration, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (broken == "no name")
        {
            Assert.Contains("has no Name: set the company or site name.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Genesis_participants_joined_at_the_epoch_whatever_the_options_say()
    {
        TraceabilityOptions options = Options();
        options.GenesisParticipants[0] = options.GenesisParticipants[0] with { JoinedAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        options.GenesisParticipants[1] = options.GenesisParticipants[1] with { JoinedAt = default };
        await using var ledger = ValueChain.Ledger.InMemory.InMemoryLedger.Open(
            new ValueChain.Ledger.InMemory.InMemoryLedgerOptions { Membership = ValueChain.Ledger.InMemory.MembershipMode.Open }, [new TraceabilityChaincode(options)]);
        var contract = new TraceabilityChaincodeAdapter(ledger);

        Assert.True(new TraceabilityOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(DateTimeOffset.UnixEpoch, (await contract.GetParticipantAsync(Oem.Address, TestContext.Current.CancellationToken))!.JoinedAt);
        Assert.Equal(DateTimeOffset.UnixEpoch, (await contract.GetParticipantAsync(Tier1.Address, TestContext.Current.CancellationToken))!.JoinedAt);
    }

    private static void Break(TraceabilityOptions options, string broken)
    {
        IList<Participant> genesis = options.GenesisParticipants;
        switch (broken)
        {
            case "no approvals": options.InvitationApprovals = 0; break;
            case "negative late tolerance": options.LateTolerance = TimeSpan.FromHours(-1); break;
            case "null participant": genesis.Add(null!); break;
            case "zero address": genesis.Add(new Participant(Address.Zero, "Nobody", ParticipantRole.Supplier, false)); break;
            case "repeated address": genesis.Add(new Participant(Oem.Address, "OEM again", ParticipantRole.Oem, false)); break;
            case "no name": genesis.Add(new Participant(Stranger.Address, " ", ParticipantRole.Supplier, false)); break;
            case "unknown role": genesis.Add(new Participant(Stranger.Address, "Odd", (ParticipantRole)99, false)); break;
            case "revoked": genesis.Add(new Participant(Stranger.Address, "Gone", ParticipantRole.Supplier, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1))); break;
            case "no participants": genesis.Clear(); break;
            case "no admin":
                genesis.Clear();
                genesis.Add(new Participant(Tier2a.Address, "Tier-2", ParticipantRole.Supplier, false));
                break;
            case "more approvals than admins": options.InvitationApprovals = 3; break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, "no such case");
        }
    }
}
