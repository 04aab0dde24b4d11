using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility.Ethereum.Contracts;

namespace ValueChain.Flexibility.Ethereum;

/// <summary>Where the flexibility market's contracts stand on a chain.</summary>
/// <param name="Whitelist">The whitelist of participants and meters.</param>
/// <param name="Token">The market's ERC-20 token.</param>
/// <param name="Platform">The platform: stages, offers, bids, payment contracts, meter nonces.</param>
public sealed record FlexibilityContracts(Address Whitelist, Address Token, Address Platform)
{
    /// <summary>
    /// Deploys the whitelist (with <paramref name="options"/>' verifiers as genesis participants), the token and the
    /// platform (with the options' clock, penalty grace and kind of offers) through <paramref name="deployer"/>, and
    /// makes the platform the token's platform (a verifier's call: <paramref name="owner"/> must send as one of the
    /// options' verifiers, and pays for the deployment). Idempotent against the deployer's manifest: unchanged contracts are reused.
    /// </summary>
    /// <exception cref="ConfigurationException">The options cannot be expressed on chain (an epoch before 1970, a stage not in whole seconds).</exception>
    public static Task<FlexibilityContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, FlexibilityOptions options, CancellationToken cancellationToken = default) =>
        DeployAsync(owner, deployer, options, EvmTarget.Cancun, cancellationToken);

    /// <summary>As <see cref="DeployAsync(EthereumClient, ContractDeployer, FlexibilityOptions, CancellationToken)"/>, with the contracts built for <paramref name="evmTarget"/>.</summary>
    /// <exception cref="ConfigurationException">The options cannot be expressed on chain (an epoch before 1970, a stage not in whole seconds).</exception>
    public static async Task<FlexibilityContracts> DeployAsync(EthereumClient owner, ContractDeployer deployer, FlexibilityOptions options, EvmTarget evmTarget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(options);
        if (owner.Account is not { } account || !options.Verifiers.Any(v => v.Address == account && v.Role == MarketRole.Verifier))
        {
            throw new ConfigurationException("The market is deployed by one of its genesis verifiers: add the deploying account to FlexibilityOptions.Verifiers.");
        }

        MarketClock clock = options.Clock;
        if (clock.Epoch < DateTimeOffset.UnixEpoch || clock.StageLength.Ticks % TimeSpan.TicksPerSecond != 0 || clock.GateClosure.Ticks % TimeSpan.TicksPerSecond != 0
            || options.PenaltyGrace.Ticks % TimeSpan.TicksPerSecond != 0 || options.PenaltyGrace < TimeSpan.Zero)
        {
            throw new ConfigurationException("On Ethereum the market clock needs an epoch from 1970 on and stage length, gate closure and penalty grace in whole seconds.");
        }

        FlexWhitelist.Participant[] genesis = [.. options.Verifiers.Select(v => new FlexWhitelist.Participant(v.Address, (byte)v.Role, v.Name))];
        (DeployedContract whitelist, _) = await deployer.DeployAsync(
            nameof(FlexWhitelist), ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexWhitelist), evmTarget), FlexWhitelist.EncodeDeployment(genesis), FlexWhitelist.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract token, _) = await deployer.DeployAsync(
            nameof(FlexToken), ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexToken), evmTarget), FlexToken.EncodeDeployment(whitelist.Address), FlexToken.Errors, cancellationToken).ConfigureAwait(false);
        (DeployedContract platform, _) = await deployer.DeployAsync(
            nameof(FlexPlatform),
            ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexPlatform), evmTarget),
            FlexPlatform.EncodeDeployment(
                whitelist.Address,
                token.Address,
                (ulong)clock.Epoch.ToUnixTimeSeconds(),
                (ulong)clock.StageLength.TotalSeconds,
                (ulong)clock.GateClosure.TotalSeconds,
                (ulong)options.PenaltyGrace.TotalSeconds,
                options.CommittedOffers),
            FlexPlatform.Errors,
            cancellationToken).ConfigureAwait(false);

        var tokenContract = new FlexToken(owner, token.Address);
        Address current = await tokenContract.PlatformAsync(cancellationToken).ConfigureAwait(false);
        if (current == Address.Zero)
        {
            await tokenContract.SetPlatformAsync(platform.Address, cancellationToken).ConfigureAwait(false);
        }
        else if (current != platform.Address)
        {
            throw new ConfigurationException($"The token at {token.Address} already serves the platform {current}, not {platform.Address}; deploy the market with a fresh manifest.");
        }

        return new FlexibilityContracts(whitelist.Address, token.Address, platform.Address);
    }
}
