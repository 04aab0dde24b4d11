using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement.Ethereum.Contracts;

namespace ValueChain.Procurement.Ethereum;

/// <summary>Where the procurement marketplace's contracts stand on a chain.</summary>
/// <param name="Members">The users and companies (the shared consortium membership).</param>
/// <param name="Token">The consortium's ERC-20 token.</param>
/// <param name="Market">Machines, quotations, orders and the escrow, which this contract holds.</param>
/// <param name="Book">Service orders, maintenance books and their grants.</param>
public sealed record ProcurementContracts(Address Members, Address Token, Address Market, Address Book)
{
    /// <summary>
    /// Deploys the members (with <paramref name="options"/>' genesis users and companies and invitation approvals), the
    /// token, the market (with the options' cancellation grace) and the book through <paramref name="deployer"/>, and
    /// wires them (the members learn the market, the market its book: calls of the deploying account, which
    /// <paramref name="owner"/> must send as). Idempotent against the deployer's manifest: unchanged contracts are reused.
    /// </summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="ProcurementOptionsValidator"/>, or
    /// the cancellation grace is not in whole seconds, or a reused contract is wired to other contracts.</exception>
    public static Task<ProcurementContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, ProcurementOptions options, CancellationToken cancellationToken = default) =>
        DeployAsync(owner, deployer, options, EvmTarget.Cancun, cancellationToken);

    /// <summary>As <see cref="DeployAsync(EthereumClient, ContractDeployer, ProcurementOptions, CancellationToken)"/>, with the contracts built for <paramref name="evmTarget"/>.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="ProcurementOptionsValidator"/>, or
    /// the cancellation grace is not in whole seconds, or a reused contract is wired to other contracts.</exception>
    public static async Task<ProcurementContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, ProcurementOptions options, EvmTarget evmTarget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(deployer);
        ProcurementOptionsValidator.ThrowIfInvalid(options);
        if (options.CancellationGrace.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ConfigurationException("On Ethereum ProcurementOptions.CancellationGrace must be whole seconds (block times are).");
        }

        var assembly = typeof(ProcurementContracts).Assembly;
        ProcurementMembers.Member[] genesis = [.. options.GenesisUsers.Select(u => new ProcurementMembers.Member(u.Address, u.Name, (byte)u.Role, u.IsAdmin, 0, 0))];
        ProcurementMembers.Company[] companies = [.. options.GenesisCompanies.Select(c => new ProcurementMembers.Company(c.CompanyId, c.Name, 0, 0))];
        ProcurementMembers.GenesisUser[] users = [.. options.GenesisUsers.Select(u => new ProcurementMembers.GenesisUser(u.Address, u.CompanyId))];
        (DeployedContract members, _) = await deployer.DeployAsync(
            nameof(ProcurementMembers), ApplicationBytecode.Of(assembly, nameof(ProcurementMembers), evmTarget),
            ProcurementMembers.EncodeDeployment(genesis, companies, users, checked((uint)options.InvitationApprovals)), ProcurementMembers.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract token, _) = await deployer.DeployAsync(
            nameof(ProcurementToken), ApplicationBytecode.Of(assembly, nameof(ProcurementToken), evmTarget), ProcurementToken.EncodeDeployment(members.Address), ProcurementToken.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract market, _) = await deployer.DeployAsync(
            nameof(ProcurementMarket), ApplicationBytecode.Of(assembly, nameof(ProcurementMarket), evmTarget),
            ProcurementMarket.EncodeDeployment(members.Address, token.Address, (ulong)options.CancellationGrace.TotalSeconds), ProcurementMarket.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract book, _) = await deployer.DeployAsync(
            nameof(ProcurementBook), ApplicationBytecode.Of(assembly, nameof(ProcurementBook), evmTarget), ProcurementBook.EncodeDeployment(members.Address, market.Address), ProcurementBook.Errors, cancellationToken).ConfigureAwait(false);

        var membersContract = new ProcurementMembers(owner, members.Address);
        await WireOnceAsync(nameof(ProcurementMembers), await membersContract.MarketAsync(cancellationToken).ConfigureAwait(false), market.Address,
            () => membersContract.SetMarketAsync(market.Address, cancellationToken)).ConfigureAwait(false);
        var marketContract = new ProcurementMarket(owner, market.Address);
        await WireOnceAsync(nameof(ProcurementMarket), await marketContract.BookAsync(cancellationToken).ConfigureAwait(false), book.Address,
            () => marketContract.SetBookAsync(book.Address, cancellationToken)).ConfigureAwait(false);
        return new ProcurementContracts(members.Address, token.Address, market.Address, book.Address);
    }

    // A contract names its partner once: set it when unset, accept it when it is the one deployed, refuse otherwise.
    private static async Task WireOnceAsync(string contract, Address current, Address wanted, Func<Task<TransactionReceipt>> set)
    {
        if (current == Address.Zero)
        {
            await set().ConfigureAwait(false);
        }
        else if (current != wanted)
        {
            throw new ConfigurationException($"The {contract} in the manifest is wired to {current}, not {wanted}; deploy the marketplace with a fresh manifest.");
        }
    }
}
