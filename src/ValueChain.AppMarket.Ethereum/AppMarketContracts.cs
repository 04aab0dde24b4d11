using ValueChain.AppMarket.Ethereum.Contracts;
using ValueChain.Ledger.Ethereum;
using OnChainMarket = ValueChain.AppMarket.Ethereum.Contracts.AppMarket;

namespace ValueChain.AppMarket.Ethereum;

/// <summary>Where the marketplace's contracts stand on a chain.</summary>
/// <param name="Members">The members, with the companies' devices and technicians.</param>
/// <param name="Catalog">The app records.</param>
/// <param name="Token">The marketplace's ERC-20 token.</param>
/// <param name="Market">The marketplace: installations, history, escrow, usage and subscriptions (the platform address).</param>
public sealed record AppMarketContracts(Address Members, Address Catalog, Address Token, Address Market)
{
    // The contract's name (its artefacts' and its manifest entry's); nameof would give the alias.
    private const string MarketContract = "AppMarket";

    /// <summary>
    /// Deploys the members (with <paramref name="options"/>' genesis members), the catalog, the token and the market
    /// through <paramref name="deployer"/>, and introduces them to each other (the deployer's one-time calls).
    /// Idempotent against the deployer's manifest: unchanged contracts are reused.
    /// </summary>
    /// <exception cref="ConfigurationException">The options' install time-out is not in whole seconds.</exception>
    public static Task<AppMarketContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, AppMarketOptions options, CancellationToken cancellationToken = default) =>
        DeployAsync(owner, deployer, options, EvmTarget.Cancun, cancellationToken);

    /// <summary>As <see cref="DeployAsync(EthereumClient, ContractDeployer, AppMarketOptions, CancellationToken)"/>, with the contracts built for <paramref name="evmTarget"/>.</summary>
    /// <exception cref="ConfigurationException">The options' install time-out is not in whole seconds.</exception>
    public static async Task<AppMarketContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, AppMarketOptions options, EvmTarget evmTarget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(deployer);
        AppMarketOptionsValidator.ThrowIfInvalid(options);
        var assembly = typeof(AppMarketContracts).Assembly;
        AppMarketMembers.Member[] genesis = [.. options.GenesisMembers.Select(m => new AppMarketMembers.Member(m.Address, m.Name, (byte)m.Role, m.IsAdmin, 0, 0))];
        (DeployedContract members, _) = await deployer.DeployAsync(
            nameof(AppMarketMembers), ApplicationBytecode.Of(assembly, nameof(AppMarketMembers), evmTarget), AppMarketMembers.EncodeDeployment(genesis, (uint)options.InvitationApprovals), AppMarketMembers.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract catalog, _) = await deployer.DeployAsync(
            nameof(AppCatalog), ApplicationBytecode.Of(assembly, nameof(AppCatalog), evmTarget), AppCatalog.EncodeDeployment(), AppCatalog.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract token, _) = await deployer.DeployAsync(
            nameof(AppMarketToken), ApplicationBytecode.Of(assembly, nameof(AppMarketToken), evmTarget), AppMarketToken.EncodeDeployment(), AppMarketToken.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract market, _) = await deployer.DeployAsync(
            MarketContract,
            ApplicationBytecode.Of(assembly, MarketContract, evmTarget),
            OnChainMarket.EncodeDeployment(members.Address, token.Address, catalog.Address, (ulong)options.InstallTimeout.TotalSeconds, (ulong)options.MaxReportsPerSettlement),
            OnChainMarket.Errors,
            cancellationToken).ConfigureAwait(false);

        var catalogContract = new AppCatalog(owner, catalog.Address);
        if (await catalogContract.MarketAsync(cancellationToken).ConfigureAwait(false) == Address.Zero)
        {
            await catalogContract.SetMarketAsync(members.Address, cancellationToken).ConfigureAwait(false);
        }

        var tokenContract = new AppMarketToken(owner, token.Address);
        if (await tokenContract.MarketAsync(cancellationToken).ConfigureAwait(false) == Address.Zero)
        {
            await tokenContract.SetMarketAsync(members.Address, market.Address, cancellationToken).ConfigureAwait(false);
        }

        return new AppMarketContracts(members.Address, catalog.Address, token.Address, market.Address);
    }
}
