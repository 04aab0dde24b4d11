using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Chaincode.Tests;

/// <summary>The blocks' test chaincode inside the embedded ledger, on a manual clock.</summary>
internal sealed class EmbeddedBlocks : BlocksUnderTest
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly BlocksJson Json = BlocksJson.Default;
    private readonly ManualLedgerClock _clock;
    private readonly EthereumSigner[] _signers = [.. Keys.Select(k => new EthereumSigner(k))];

    private EmbeddedBlocks(InMemoryLedger ledger, ManualLedgerClock clock)
    {
        Ledger = ledger;
        _clock = clock;
    }

    public InMemoryLedger Ledger { get; }

    public override Address EscrowAccount => BlocksChaincode.EscrowAccount;

    public static EmbeddedBlocks Open(MembershipRules? rules = null)
    {
        var clock = new ManualLedgerClock(Start);
        var options = new InMemoryLedgerOptions
        {
            Clock = clock,
            Membership = MembershipMode.Open,
            ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("blocks producer"u8).ToArray()),
        };
        return new EmbeddedBlocks(InMemoryLedger.Open(options, [new BlocksChaincode(rules ?? Rules(Start))]), clock);
    }

    public EthereumSigner Signer(int actor) => _signers[actor];

    /// <summary>Submits a call and returns its receipt, failed or not.</summary>
    public Task<TransactionReceipt> SubmitAsync<T>(int caller, string function, T args, JsonTypeInfo<T> type) =>
        Ledger.SubmitAsync(_signers[caller], new ContractInvocation(BlocksChaincode.ChaincodeName, function, JsonSerializer.Serialize(args, type)), TestContext.Current.CancellationToken);

    public async Task<TResult?> QueryAsync<TResult>(string function, string argumentsJson, JsonTypeInfo<TResult> type)
    {
        // Anonymous: the reads of the test chaincode do not depend on who asks, and unsigned queries keep the property tests fast.
        string? json = await Ledger.EvaluateAsync(null, new ContractInvocation(BlocksChaincode.ChaincodeName, function, argumentsJson), TestContext.Current.CancellationToken);
        return json is null ? default : JsonSerializer.Deserialize(json, type);
    }

    public override Task<Outcome> MintAsync(int caller, Address to, UInt256 amount) => OutcomeAsync(caller, "mint", new AmountArgs(to, amount), Json.AmountArgs);

    public override Task<Outcome> TransferAsync(int caller, Address to, UInt256 amount) => OutcomeAsync(caller, "transfer", new AmountArgs(to, amount), Json.AmountArgs);

    public override Task<Outcome> ApproveAsync(int caller, Address spender, UInt256 amount) => OutcomeAsync(caller, "approve", new ApproveArgs(spender, amount), Json.ApproveArgs);

    public override Task<Outcome> TransferFromAsync(int caller, Address from, Address to, UInt256 amount) =>
        OutcomeAsync(caller, "transferFrom", new TransferFromArgs(from, to, amount), Json.TransferFromArgs);

    public override async Task<Outcome> LockAsync(int caller, string id, Address payee, UInt256 amount, TimeSpan refundableIn)
    {
        long refundableFrom = (await Ledger.GetTimeAsync(TestContext.Current.CancellationToken) + refundableIn).ToUnixTimeSeconds();
        return await OutcomeAsync(caller, "lock", new LockArgs(id, payee, amount, refundableFrom), Json.LockArgs);
    }

    public override Task<Outcome> ReleaseAsync(int caller, string id) => OutcomeAsync(caller, "release", new IdArgs(id), Json.IdArgs);

    public override Task<Outcome> RefundAsync(int caller, string id) => OutcomeAsync(caller, "refund", new IdArgs(id), Json.IdArgs);

    public override Task<Outcome> InviteAsync(int caller, Address invitee, string name, int role, bool grantAdmin) =>
        OutcomeAsync(caller, "invite", new InviteArgs(invitee, name, role >= 1 && role <= BlocksChaincode.Roles.Count ? BlocksChaincode.Roles[role - 1] : $"Role{role}", grantAdmin), Json.InviteArgs);

    public override Task<Outcome> ApproveInvitationAsync(int caller, Address invitee) => OutcomeAsync(caller, "approveInvitation", new AddressArgs(invitee), Json.AddressArgs);

    public override Task<Outcome> RevokeAsync(int caller, Address member) => OutcomeAsync(caller, "revoke", new AddressArgs(member), Json.AddressArgs);

    public override Task AdvanceAsync(TimeSpan duration)
    {
        _clock.Advance(duration);
        return Task.CompletedTask;
    }

    public override async Task<UInt256> BalanceOfAsync(Address owner) => await QueryAsync("balanceOf", JsonSerializer.Serialize(new AddressArgs(owner), Json.AddressArgs), Json.UInt256);

    public override async Task<UInt256> AllowanceAsync(Address owner, Address spender) =>
        await QueryAsync("allowance", JsonSerializer.Serialize(new AllowanceArgs(owner, spender), Json.AllowanceArgs), Json.UInt256);

    public override async Task<UInt256> TotalSupplyAsync() => await QueryAsync("totalSupply", "{}", Json.UInt256);

    public override async Task<EscrowHoldings> HoldingsAsync() => (await QueryAsync("holdings", "{}", Json.EscrowHoldings))!;

    public async Task<EscrowRecord?> EscrowAsync(string id) => await QueryAsync("getEscrow", JsonSerializer.Serialize(new IdArgs(id), Json.IdArgs), Json.EscrowRecord);

    public override async Task<EscrowStatus?> StatusAsync(string id) => (await EscrowAsync(id))?.Status;

    public async Task<ConsortiumMember?> MemberRecordAsync(Address address) =>
        await QueryAsync("getMember", JsonSerializer.Serialize(new AddressArgs(address), Json.AddressArgs), Json.ConsortiumMember);

    public override async Task<(int Role, bool IsAdmin, bool IsActive)?> MemberAsync(Address address) =>
        await MemberRecordAsync(address) is { } m ? (BlocksChaincode.Roles.ToList().IndexOf(m.Role) + 1, m.IsAdmin, m.IsActive) : null;

    public override ValueTask DisposeAsync() => Ledger.DisposeAsync();

    private async Task<Outcome> OutcomeAsync<T>(int caller, string function, T args, JsonTypeInfo<T> type)
    {
        TransactionReceipt receipt = await SubmitAsync(caller, function, args, type);
        return new Outcome(
            receipt.Succeeded ? null : receipt.ErrorCode,
            [.. receipt.Events.Where(e => e.Name == TokenEvents.Transfer).Select(e => JsonSerializer.Deserialize(e.PayloadJson, Json.TokenTransfer)!)]);
    }
}
