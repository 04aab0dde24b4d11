using ValueChain.Chaincode;
using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement.Ethereum.Contracts;
using static ValueChain.Procurement.Ethereum.OnChainValues;
using LedgerEvent = ValueChain.Ledger.LedgerEvent;

namespace ValueChain.Procurement.Ethereum;

/// <summary>
/// <see cref="IProcurementContract"/> over the marketplace's Solidity contracts (ProcurementMembers, ProcurementToken,
/// ProcurementMarket, ProcurementBook) through their generated bindings. Each command is a transaction of the signer it
/// names; refusals arrive as <see cref="ChaincodeException"/>s with the chaincode's codes. Events carry the chaincode's
/// names and payloads under <see cref="ProcurementChaincode.ChaincodeName"/>. On Ethereum all state is public to node
/// operators: the signed reads (orders, service orders, maintenance books) only select what an honest client shows.
/// </summary>
public sealed partial class ProcurementEthereumAdapter : ApplicationAdapter, IProcurementContract
{
    private readonly ProcurementContracts _contracts;
    private readonly ProcurementEventTranslator _translator;
    private ulong? _grace;

    /// <summary>Binds the marketplace deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public ProcurementEthereumAdapter(SignerClients clients, ProcurementContracts contracts)
        : base(clients, ProcurementChaincode.ChaincodeName, 0)
    {
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        _translator = new ProcurementEventTranslator(this, clients, contracts);
    }

    /// <summary>The contracts this adapter binds.</summary>
    public ProcurementContracts Contracts => _contracts;

    /// <inheritdoc />
    public Address EscrowAccount => _contracts.Market;

    // ---- Members ----

    /// <inheritdoc />
    public Task<ProcurementReceipt> InviteAsync(ISigner admin, Address invitee, string name, ProcurementRole role, string companyId, string? companyName = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).InviteToCompanyAsync(invitee, OrNone(name), Enum.IsDefined(role) ? (byte)role : (byte)0, OrNone(companyId), OrNone(companyName), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveInvitationAsync(ISigner admin, Address invitee, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).ApproveInvitationAsync(invitee, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RevokeAsync(ISigner admin, Address user, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(admin).RevokeAsync(user, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> RemoveCompanyAsync(ISigner marketplaceAdmin, string companyId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Members(marketplaceAdmin).RemoveCompanyAsync(OrNone(companyId), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<ProcurementUser?> GetUserAsync(Address address, CancellationToken cancellationToken = default)
    {
        Task<ConsortiumMember?> read = MemberAsync(address, cancellationToken);
        Task<string> companyOf = Members(null).CompanyOfAsync(address, cancellationToken);
        await Task.WhenAll(read, companyOf).ConfigureAwait(false);
        (ConsortiumMember? member, string company) = (read.Result, companyOf.Result);
        return member is null || company.Length == 0
            ? null
            : new ProcurementUser(member.Address, member.Name, Enum.Parse<ProcurementRole>(member.Role), company, member.IsAdmin, member.JoinedAt, member.RevokedAt);
    }

    /// <inheritdoc />
    public async Task<UserInvitation?> GetInvitationAsync(Address invitee, CancellationToken cancellationToken = default)
    {
        ProcurementMembers.Invitation i = await Members(null).InvitationAsync(invitee, cancellationToken).ConfigureAwait(false);
        if (i.Status == 0)
        {
            return null;
        }

        ProcurementMembers.InvitedCompany company = await Members(null).InvitedCompanyAsync(invitee, cancellationToken).ConfigureAwait(false);
        return new UserInvitation(i.Invitee, i.Name, (ProcurementRole)i.Role, company.CompanyId, NoneAsNull(company.CompanyName), i.InvitedBy, [.. i.Approvals], (InvitationStatus)i.Status);
    }

    /// <inheritdoc />
    public Task<Company?> GetCompanyAsync(string companyId, CancellationToken cancellationToken = default)
    {
        ProcurementValidation.RequireId(companyId, "companyId");
        return CompanyAsync(companyId, null, cancellationToken);
    }

    /// <summary>A company with its evaluation, as of the state after <paramref name="atBlock"/> (null: the latest).</summary>
    internal async Task<Company?> CompanyAsync(string companyId, ulong? atBlock, CancellationToken cancellationToken)
    {
        // Both reads at once: the evaluation of a company that does not exist is simply not used.
        Task<ProcurementMembers.Company> company = Members(null).CompanyAsync(companyId, atBlock, cancellationToken);
        Task<ProcurementMarket.Evaluation> evaluation = Market(null).EvaluationAsync(companyId, atBlock, cancellationToken);
        await Task.WhenAll(company, evaluation).ConfigureAwait(false);
        ProcurementMembers.Company c = company.Result;
        return c.CompanyId.Length == 0
            ? null
            : new Company(c.CompanyId, c.Name, Time(c.JoinedAt), TimeOrNull(c.RemovedAt), EvaluationOf(evaluation.Result));
    }

    /// <summary>
    /// A member as the shared block records it: genesis members (those that joined without an invitation) joined at
    /// the Unix epoch, as on the chaincode ledgers, whatever the deployment block's time.
    /// </summary>
    internal async Task<ConsortiumMember?> MemberAsync(Address address, CancellationToken cancellationToken)
    {
        Task<ProcurementMembers.Member> member = Members(null).MemberAsync(address, cancellationToken);
        Task<ProcurementMembers.Invitation> invitation = Members(null).InvitationAsync(address, cancellationToken);
        await Task.WhenAll(member, invitation).ConfigureAwait(false);
        ProcurementMembers.Member m = member.Result;
        if (m.Account == Address.Zero)
        {
            return null;
        }

        bool genesis = invitation.Result.Status == 0;
        return new ConsortiumMember(m.Account, m.Name, ((ProcurementRole)m.Role).ToString(), m.IsAdmin, genesis ? DateTimeOffset.UnixEpoch : Time(m.JoinedAt), TimeOrNull(m.RevokedAt));
    }

    // ---- Token ----

    /// <inheritdoc />
    public Task<ProcurementReceipt> MintAsync(ISigner issuer, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(issuer).MintAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(sender).TransferAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(owner).ApproveAsync(spender, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProcurementReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(spender).TransferFromAsync(from, recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) => Token(null).BalanceOfAsync(owner, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) => Token(null).AllowanceAsync(owner, spender, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) => Token(null).TotalSupplyAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<EscrowHoldings> GetEscrowHoldingsAsync(CancellationToken cancellationToken = default)
    {
        ProcurementMarket.EscrowHoldingsOutput h = await Market(null).EscrowHoldingsAsync(cancellationToken).ConfigureAwait(false);
        return new EscrowHoldings(h.Open, h.Held, (int)h.Count.Value);
    }

    // ---- Events ----

    /// <inheritdoc />
    public new Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        base.GetEventsAsync(fromBlock, toBlock, cancellationToken);

    /// <inheritdoc />
    public new IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, CancellationToken cancellationToken = default) =>
        base.WatchEventsAsync(fromBlock, cancellationToken);

    /// <inheritdoc />
    protected override bool EmittedByApplication(Address emitter) =>
        emitter == _contracts.Members || emitter == _contracts.Token || emitter == _contracts.Market || emitter == _contracts.Book;

    /// <inheritdoc />
    protected override Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken) =>
        _translator.TranslateAsync(log, transactionLogs, cancellationToken);

    internal Task<DateTimeOffset> TimeOfBlockAsync(ulong block, CancellationToken cancellationToken) => BlockTimeAsync(block, cancellationToken);

    internal Task<object[]?> DirectCallOfAsync(EthereumLog log, AbiFunction function, CancellationToken cancellationToken) =>
        DirectCallArgumentsAsync(log, function, cancellationToken);

    /// <summary>The market's cancellation grace in seconds (immutable, read once).</summary>
    internal async Task<ulong> GraceAsync(CancellationToken cancellationToken)
    {
        _grace ??= await Market(null).CancellationGraceAsync(cancellationToken).ConfigureAwait(false);
        return _grace.Value;
    }

    private async Task<ProcurementReceipt> SubmitAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        return new ProcurementReceipt(sent.TransactionId, sent.BlockNumber, sent.Events);
    }

    internal ProcurementMembers Members(ISigner? signer) => new(Client(signer), _contracts.Members);

    internal ProcurementToken Token(ISigner? signer) => new(Client(signer), _contracts.Token);

    internal ProcurementMarket Market(ISigner? signer) => new(Client(signer), _contracts.Market);

    internal ProcurementBook Book(ISigner? signer) => new(Client(signer), _contracts.Book);
}
