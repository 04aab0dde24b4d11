using CsCheck;

namespace ValueChain.Chaincode.Tests;

/// <summary>
/// One step of a random sequence over the blocks' test application, applied to either ledger. Holders are
/// named by index: 0–5 the actors, <see cref="EscrowHolder"/> the escrow's account, <see cref="ZeroHolder"/>
/// the zero address, so that one sequence means the same on the embedded ledger and on anvil.
/// </summary>
internal abstract record Operation
{
    public const int EscrowHolder = 6;
    public const int ZeroHolder = 7;

    public abstract Task<Outcome> ApplyAsync(BlocksUnderTest ledger);

    public static Address Holder(BlocksUnderTest ledger, int holder) => holder switch
    {
        EscrowHolder => ledger.EscrowAccount,
        ZeroHolder => Address.Zero,
        _ => BlocksUnderTest.Actors[holder],
    };

    public static string EscrowId(int n) => $"order-{n}";

    /// <summary>What every sequence starts with, so that random steps reach the escrow: 500 tokens for each actor, each approving the escrow for 300.</summary>
    public static IReadOnlyList<Operation> Prelude { get; } =
    [
        .. Enumerable.Range(0, 6).Select(i => (Operation)new Mint(0, i, 500)),
        .. Enumerable.Range(0, 6).Select(i => (Operation)new Approve(i, EscrowHolder, 300)),
    ];

    /// <summary>
    /// Random steps. Plain transfers never go to the escrow's account (its balance would then exceed the open
    /// escrows, which the invariant forbids only for tokens the escrow moved); approvals may name it.
    /// With <paramref name="membership"/>, invitations, approvals and revocations are mixed in.
    /// </summary>
    public static Gen<Operation> Gen(bool membership)
    {
        Gen<int> actor = CsCheck.Gen.Int[0, 5];
        Gen<int> recipient = CsCheck.Gen.Frequency((12, actor), (1, CsCheck.Gen.Const(ZeroHolder)));
        Gen<int> spender = CsCheck.Gen.Frequency((3, actor), (4, CsCheck.Gen.Const(EscrowHolder)), (1, CsCheck.Gen.Const(ZeroHolder)));
        Gen<UInt256> amount = CsCheck.Gen.Frequency(
            (20, CsCheck.Gen.Int[0, 150].Select(i => (UInt256)(ulong)i)),
            (1, CsCheck.Gen.Const(UInt256.MaxValue)));
        Gen<int> id = CsCheck.Gen.Int[0, 5];
        var steps = new List<(int, IGen<Operation>)>
        {
            (3, CsCheck.Gen.Select(actor, recipient, amount, (c, t, a) => (Operation)new Mint(c, t, a))),
            (4, CsCheck.Gen.Select(actor, recipient, amount, (c, t, a) => (Operation)new Transfer(c, t, a))),
            (4, CsCheck.Gen.Select(actor, spender, amount, (c, s, a) => (Operation)new Approve(c, s, a))),
            (2, CsCheck.Gen.Select(actor, actor, recipient, amount).Select(x => (Operation)new TransferFrom(x.Item1, x.Item2, x.Item3, x.Item4))),
            (5, CsCheck.Gen.Select(actor, id, recipient, amount).Select(CsCheck.Gen.Int[0, 3]).Select(x => (Operation)new Lock(x.Item1.Item1, x.Item1.Item2, x.Item1.Item3, x.Item1.Item4, x.Item2))),
            (3, CsCheck.Gen.Select(actor, id, (c, i) => (Operation)new Release(c, i))),
            (3, CsCheck.Gen.Select(actor, id, (c, i) => (Operation)new Refund(c, i))),
            (2, CsCheck.Gen.Int[1, 3].Select(h => (Operation)new Advance(h))),
        };
        if (membership)
        {
            steps.Add((2, CsCheck.Gen.Select(actor, actor, CsCheck.Gen.Int[0, 3], CsCheck.Gen.Bool).Select(x => (Operation)new Invite(x.Item1, x.Item2, x.Item3, x.Item4))));
            steps.Add((2, CsCheck.Gen.Select(actor, actor, (c, i) => (Operation)new ApproveInvitation(c, i))));
            steps.Add((1, CsCheck.Gen.Select(actor, actor, (c, t) => (Operation)new Revoke(c, t))));
        }

        return CsCheck.Gen.Frequency([.. steps]);
    }
}

internal sealed record Mint(int Caller, int To, UInt256 Amount) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.MintAsync(Caller, Holder(ledger, To), Amount);
}

internal sealed record Transfer(int Caller, int To, UInt256 Amount) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.TransferAsync(Caller, Holder(ledger, To), Amount);
}

internal sealed record Approve(int Caller, int Spender, UInt256 Amount) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.ApproveAsync(Caller, Holder(ledger, Spender), Amount);
}

internal sealed record TransferFrom(int Caller, int From, int To, UInt256 Amount) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.TransferFromAsync(Caller, Holder(ledger, From), Holder(ledger, To), Amount);
}

internal sealed record Lock(int Caller, int Id, int Payee, UInt256 Amount, int RefundableInHours) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.LockAsync(Caller, EscrowId(Id), Holder(ledger, Payee), Amount, TimeSpan.FromHours(RefundableInHours));
}

internal sealed record Release(int Caller, int Id) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.ReleaseAsync(Caller, EscrowId(Id));
}

internal sealed record Refund(int Caller, int Id) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.RefundAsync(Caller, EscrowId(Id));
}

internal sealed record Advance(int Hours) : Operation
{
    // A minute past whole hours, so that neither ledger sits exactly on a deadline that the other has passed.
    public override async Task<Outcome> ApplyAsync(BlocksUnderTest ledger)
    {
        await ledger.AdvanceAsync(TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(1));
        return new Outcome(null, []);
    }
}

internal sealed record Invite(int Caller, int Invitee, int Role, bool GrantAdmin) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.InviteAsync(Caller, BlocksUnderTest.Actors[Invitee], $"Company {Invitee}", Role, GrantAdmin);
}

internal sealed record ApproveInvitation(int Caller, int Invitee) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.ApproveInvitationAsync(Caller, BlocksUnderTest.Actors[Invitee]);
}

internal sealed record Revoke(int Caller, int Target) : Operation
{
    public override Task<Outcome> ApplyAsync(BlocksUnderTest ledger) => ledger.RevokeAsync(Caller, BlocksUnderTest.Actors[Target]);
}
