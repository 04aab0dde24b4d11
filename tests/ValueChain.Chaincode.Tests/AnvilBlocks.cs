using System.Text;
using ValueChain.Chaincode.Tests.Contracts;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;
using ValueChain.Testing;

namespace ValueChain.Chaincode.Tests;

/// <summary>The Solidity twins' probe (contracts/src/testing/BlocksProbe.sol) on anvil, called by the same keys as the C# chaincode.</summary>
internal sealed class AnvilBlocks : BlocksUnderTest
{
    private readonly HttpClient _http;
    private readonly BlocksProbe[] _probes;
    private readonly ProbeToken[] _tokens;
    private readonly DevChainTimeControl _time;

    private AnvilBlocks(HttpClient http, BlocksProbe[] probes, ProbeToken[] tokens, DevChainTimeControl time)
    {
        _http = http;
        _probes = probes;
        _tokens = tokens;
        _time = time;
    }

    public BlocksProbe Probe(int actor) => _probes[actor];

    public ProbeToken Token(int actor) => _tokens[actor];

    public override Address EscrowAccount => _probes[0].Address;

    /// <summary>Deploys a fresh probe with the genesis of <see cref="BlocksUnderTest.Rules"/> (two approvals per invitation).</summary>
    public static async Task<AnvilBlocks> DeployAsync(AnvilNode anvil, int approvals = 2)
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new EthereumClient[Keys.Count];
        for (int i = 0; i < Keys.Count; i++)
        {
            await rpc.CallAsync("anvil_setBalance", [Keys[i].Address.ToLowerHex(), "0x56bc75e2d63100000"], cancel);
            var sender = new TransactionSender(rpc, new EthereumSigner(Keys[i]), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
            clients[i] = new EthereumClient(rpc, sender, new EthereumClientOptions { ChainId = AnvilNode.ChainId, LogPollInterval = TimeSpan.FromMilliseconds(20) });
        }

        MembershipRules rules = Rules(DateTimeOffset.UnixEpoch, approvals);
        BlocksProbe deployed = await BlocksProbe.DeployAsync(
            clients[0],
            ContractArtifact.Load(ArtifactsDirectory, nameof(BlocksProbe)).Bytecode(),
            [.. rules.Genesis.Select(m => new BlocksProbe.Member(m.Address, m.Name, RoleNumber(m.Role), m.IsAdmin, 0, 0))],
            (uint)approvals,
            (byte)BlocksChaincode.Roles.Count,
            cancel);
        Address token = await deployed.EscrowTokenAsync(cancel);
        return new AnvilBlocks(
            http,
            [.. clients.Select(c => new BlocksProbe(c, deployed.Address))],
            [.. clients.Select(c => new ProbeToken(c, token))],
            new DevChainTimeControl(rpc));
    }

    public static string ArtifactsDirectory => Path.Combine(RepositoryPaths.Root, "contracts", "artifacts");

    /// <summary>The escrow id on Ethereum: the Keccak-256 hash of the C# id.</summary>
    public static Hash32 EscrowId(string id) => Keccak256.Hash(Encoding.UTF8.GetBytes(id));

    public static byte RoleNumber(string role) => (byte)(BlocksChaincode.Roles.ToList().IndexOf(role) + 1);

    public override Task<Outcome> MintAsync(int caller, Address to, UInt256 amount) => OutcomeAsync(() => _tokens[caller].MintAsync(to, amount, Cancel));

    public override Task<Outcome> TransferAsync(int caller, Address to, UInt256 amount) => OutcomeAsync(() => _tokens[caller].TransferAsync(to, amount, Cancel));

    public override Task<Outcome> ApproveAsync(int caller, Address spender, UInt256 amount) => OutcomeAsync(() => _tokens[caller].ApproveAsync(spender, amount, Cancel));

    public override Task<Outcome> TransferFromAsync(int caller, Address from, Address to, UInt256 amount) =>
        OutcomeAsync(() => _tokens[caller].TransferFromAsync(from, to, amount, Cancel));

    public override async Task<Outcome> LockAsync(int caller, string id, Address payee, UInt256 amount, TimeSpan refundableIn)
    {
        ulong refundableFrom = (ulong)(await _time.GetTimeAsync(Cancel) + refundableIn).ToUnixTimeSeconds();
        return await OutcomeAsync(() => _probes[caller].LockAsync(EscrowId(id), payee, amount, refundableFrom, Cancel));
    }

    public override Task<Outcome> ReleaseAsync(int caller, string id) => OutcomeAsync(() => _probes[caller].ReleaseAsync(EscrowId(id), Cancel));

    public override Task<Outcome> RefundAsync(int caller, string id) => OutcomeAsync(() => _probes[caller].RefundAsync(EscrowId(id), Cancel));

    public override Task<Outcome> InviteAsync(int caller, Address invitee, string name, int role, bool grantAdmin) =>
        OutcomeAsync(() => _probes[caller].InviteAsync(invitee, name, (byte)role, grantAdmin, Cancel));

    public override Task<Outcome> ApproveInvitationAsync(int caller, Address invitee) => OutcomeAsync(() => _probes[caller].ApproveInvitationAsync(invitee, Cancel));

    public override Task<Outcome> RevokeAsync(int caller, Address member) => OutcomeAsync(() => _probes[caller].RevokeAsync(member, Cancel));

    public override Task AdvanceAsync(TimeSpan duration) => _time.AdvanceAsync(duration, Cancel);

    public override Task<UInt256> BalanceOfAsync(Address owner) => _tokens[0].BalanceOfAsync(owner, Cancel);

    public override Task<UInt256> AllowanceAsync(Address owner, Address spender) => _tokens[0].AllowanceAsync(owner, spender, Cancel);

    public override Task<UInt256> TotalSupplyAsync() => _tokens[0].TotalSupplyAsync(Cancel);

    public override async Task<EscrowHoldings> HoldingsAsync()
    {
        BlocksProbe.EscrowHoldingsOutput holdings = await _probes[0].EscrowHoldingsAsync(Cancel);
        return new EscrowHoldings(holdings.Open, holdings.Held, (int)(ulong)holdings.Count);
    }

    public override async Task<EscrowStatus?> StatusAsync(string id)
    {
        BlocksProbe.EscrowRecord record = await _probes[0].EscrowAsync(EscrowId(id), Cancel);
        return record.Status == 0 ? null : (EscrowStatus)record.Status;
    }

    public override async Task<(int Role, bool IsAdmin, bool IsActive)?> MemberAsync(Address address)
    {
        BlocksProbe.Member member = await _probes[0].MemberAsync(address, Cancel);
        return member.Account.IsZero ? null : (member.Role, member.IsAdmin, member.RevokedAt == 0);
    }

    public override ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Outcome> OutcomeAsync(Func<Task<TransactionReceipt>> send)
    {
        try
        {
            TransactionReceipt receipt = await send();
            return new Outcome(null, [.. ProbeToken.TransferEvent.FromReceipt(receipt, _tokens[0].Address).Select(t => new TokenTransfer(t.From, t.To, t.Value))]);
        }
        catch (ContractRevertedException revert)
        {
            return new Outcome(revert.Code, []);
        }
    }
}
