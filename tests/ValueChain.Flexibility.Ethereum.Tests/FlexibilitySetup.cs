using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

/// <summary>
/// The market contracts deployed on anvil with fresh funded accounts: a verifier (TSO), a DSO and a fleet
/// operator on the whitelist, a stranger off it; the platform with the SDK's default clock (5-minute stages,
/// gates closing 1 minute early, epoch 1970) and a 24-hour penalty grace.
/// </summary>
internal sealed record FlexibilitySetup(
    Address WhitelistAddress, Address TokenAddress, Address PlatformAddress, EthereumClient Verifier, EthereumClient Dso, EthereumClient FleetOperator, EthereumClient Stranger)
{
    public const ulong StageSeconds = 300;

    public FlexWhitelist Whitelist(EthereumClient caller) => new(caller, WhitelistAddress);

    public FlexToken Token(EthereumClient caller) => new(caller, TokenAddress);

    public FlexPlatform Platform(EthereumClient caller) => new(caller, PlatformAddress);

    /// <summary>Deploys the whitelist, the token and the platform; with <paramref name="funded"/>, mints to the DSO and the fleet operator and approves the platform for both.</summary>
    public static async Task<FlexibilitySetup> DeployAsync(AnvilNode anvil, HttpClient http, bool committedOffers = false, bool funded = true)
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        EthereumClient verifier = await AnvilClients.FundedClientAsync(anvil, http);
        EthereumClient dso = await AnvilClients.FundedClientAsync(anvil, http);
        EthereumClient fleetOperator = await AnvilClients.FundedClientAsync(anvil, http);
        EthereumClient stranger = await AnvilClients.FundedClientAsync(anvil, http);
        FlexWhitelist whitelist = await FlexWhitelist.DeployAsync(
            verifier,
            AnvilClients.Bytecode(nameof(FlexWhitelist)),
            [new(verifier.Account!.Value, 1, "TSO"), new(dso.Account!.Value, 2, "DSO Süd"), new(fleetOperator.Account!.Value, 3, "Fleet Karlsruhe")],
            cancel);
        FlexToken token = await FlexToken.DeployAsync(verifier, AnvilClients.Bytecode(nameof(FlexToken)), whitelist.Address, cancel);
        FlexPlatform platform = await FlexPlatform.DeployAsync(
            verifier, AnvilClients.Bytecode(nameof(FlexPlatform)), whitelist.Address, token.Address, 0, StageSeconds, 60, 86_400, committedOffers, cancel);
        await token.SetPlatformAsync(platform.Address, cancel);
        var market = new FlexibilitySetup(whitelist.Address, token.Address, platform.Address, verifier, dso, fleetOperator, stranger);
        if (funded)
        {
            await token.MintAsync(dso.Account!.Value, 10_000, cancel);
            await token.MintAsync(fleetOperator.Account!.Value, 5_000, cancel);
            await market.Token(dso).ApproveAsync(platform.Address, UInt256.MaxValue, cancel);
            await market.Token(fleetOperator).ApproveAsync(platform.Address, UInt256.MaxValue, cancel);
        }

        return market;
    }
}
