using System.Security.Cryptography;
using ValueChain.Cryptography;
using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

// The market's whitelist and token on anvil: who may call what, and the errors, named as on the
// embedded ledger (FlexibilityChaincode), that the rest gets.
public sealed class WhitelistAndTokenTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private const byte Verifier = 1;
    private const byte Dso = 2;
    private const byte FleetOperator = 3;
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_a_verifier_changes_the_whitelist_and_it_cannot_remove_itself()
    {
        FlexibilitySetup market = await MarketAsync();
        Address newcomer = PrivateKey.Generate().Address;

        foreach (FlexWhitelist caller in new[] { market.Whitelist(market.Dso), market.Whitelist(market.FleetOperator), market.Whitelist(market.Stranger) })
        {
            var refused = await Assert.ThrowsAsync<FlexWhitelist.UnauthorizedException>(() => caller.AddParticipantAsync(newcomer, Dso, "DSO Nord", Cancel));
            Assert.Equal(caller.Client.Account, refused.Caller);
            Assert.Equal(ErrorCodes.Unauthorized, refused.Code);
            await Assert.ThrowsAsync<FlexWhitelist.UnauthorizedException>(() => caller.RemoveParticipantAsync(market.FleetOperator.Account!.Value, Cancel));
            await Assert.ThrowsAsync<FlexWhitelist.UnauthorizedException>(() => caller.AddMeterAsync(newcomer, default, Cancel));
        }

        FlexWhitelist verifier = market.Whitelist(market.Verifier);
        var self = await Assert.ThrowsAsync<FlexWhitelist.ConflictException>(() => verifier.RemoveParticipantAsync(market.Verifier.Account!.Value, Cancel));
        await verifier.AddParticipantAsync(newcomer, Dso, "DSO Nord", Cancel);
        var twice = await Assert.ThrowsAsync<FlexWhitelist.ConflictException>(() => verifier.AddParticipantAsync(newcomer, FleetOperator, "again", Cancel));
        var badRole = await Assert.ThrowsAsync<FlexWhitelist.InvalidFormatException>(() => verifier.AddParticipantAsync(PrivateKey.Generate().Address, 4, "x", Cancel));
        var missing = await Assert.ThrowsAsync<FlexWhitelist.NotFoundException>(() => verifier.RemoveParticipantAsync(PrivateKey.Generate().Address, Cancel));

        Assert.Equal(ErrorCodes.Conflict, self.Code);
        Assert.Equal(ErrorCodes.Conflict, twice.Code);
        Assert.Equal(ErrorCodes.InvalidFormat, badRole.Code);
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
        Assert.Equal(new FlexWhitelist.Participant(newcomer, Dso, "DSO Nord"), await verifier.ParticipantAsync(newcomer, Cancel));
        await verifier.RemoveParticipantAsync(newcomer, Cancel);
        Assert.Equal(0, await verifier.RoleOfAsync(newcomer, Cancel));
    }

    [Fact]
    public async Task A_p256_meter_is_known_by_the_sdks_meter_id_and_needs_a_location()
    {
        FlexibilitySetup market = await MarketAsync();
        FlexWhitelist verifier = market.Whitelist(market.Verifier);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters parameters = p256.ExportParameters(includePrivateParameters: false);
        byte[] publicKey = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        Hash32 location = OfferTerms.LocationHash("DE-BW-Karlsruhe-17");

        var noLocation = await Assert.ThrowsAsync<FlexWhitelist.InvalidFormatException>(() => verifier.AddP256MeterAsync(publicKey, default, Cancel));
        var compressed = await Assert.ThrowsAsync<FlexWhitelist.InvalidFormatException>(() => verifier.AddP256MeterAsync(publicKey[..33], location, Cancel));
        await verifier.AddP256MeterAsync(publicKey, location, Cancel);
        Address meterId = MeterIds.ForP256(publicKey);
        FlexWhitelist.Meter meter = await verifier.MeterAsync(meterId, Cancel);

        Assert.Contains("location", noLocation.Reason, StringComparison.Ordinal);
        Assert.Contains("65-byte", compressed.Reason, StringComparison.Ordinal);
        Assert.Equal(meterId, await verifier.MeterIdOfAsync(publicKey, Cancel));
        Assert.True(meter.Listed);
        Assert.Equal(publicKey, meter.P256PublicKey);
        Assert.Equal(location, meter.Location);
        await Assert.ThrowsAsync<FlexWhitelist.ConflictException>(() => verifier.AddP256MeterAsync(publicKey, location, Cancel));
        await verifier.RemoveMeterAsync(meterId, Cancel);
        Assert.False(await verifier.IsMeterWhitelistedAsync(meterId, Cancel));
    }

    [Fact]
    public async Task Only_a_verifier_mints_and_only_participants_use_the_token()
    {
        FlexibilitySetup market = await MarketAsync();
        FlexToken asVerifier = market.Token(market.Verifier);
        FlexToken asDso = market.Token(market.Dso);
        FlexToken asStranger = market.Token(market.Stranger);
        Address dso = market.Dso.Account!.Value;
        Address fleetOperator = market.FleetOperator.Account!.Value;

        var mintByDso = await Assert.ThrowsAsync<FlexToken.UnauthorizedException>(() => asDso.MintAsync(dso, 1_000, Cancel));
        await asVerifier.MintAsync(dso, 1_000, Cancel);
        var strangerSends = await Assert.ThrowsAsync<FlexToken.UnauthorizedException>(() => asStranger.TransferAsync(dso, 1, Cancel));
        var tooMuch = await Assert.ThrowsAsync<FlexToken.InsufficientBalanceException>(() => asDso.TransferAsync(fleetOperator, 1_001, Cancel));
        var toZero = await Assert.ThrowsAsync<FlexToken.InvalidFormatException>(() => asDso.TransferAsync(Address.Zero, 1, Cancel));
        await asDso.TransferAsync(fleetOperator, 400, Cancel);

        Assert.Equal(ErrorCodes.Unauthorized, mintByDso.Code);
        Assert.Equal(market.Stranger.Account, strangerSends.Caller);
        Assert.Equal((dso, new UInt256(1_000), new UInt256(1_001)), (tooMuch.Owner, tooMuch.Balance, tooMuch.Needed));
        Assert.Equal(FlexibilityErrorCodes.InsufficientBalance, tooMuch.Code);
        Assert.Equal(ErrorCodes.InvalidFormat, toZero.Code);
        Assert.Equal(new UInt256(600), await asDso.BalanceOfAsync(dso, Cancel));
        Assert.Equal(new UInt256(400), await asDso.BalanceOfAsync(fleetOperator, Cancel));
        Assert.Equal(new UInt256(1_000), await asDso.TotalSupplyAsync(Cancel));
    }

    [Fact]
    public async Task Allowances_are_spent_and_an_unlimited_one_never_decreases()
    {
        FlexibilitySetup market = await MarketAsync();
        Address dso = market.Dso.Account!.Value;
        Address fleetOperator = market.FleetOperator.Account!.Value;
        await market.Token(market.Verifier).MintAsync(dso, 1_000, Cancel);
        FlexToken asDso = market.Token(market.Dso);
        FlexToken asFleetOperator = market.Token(market.FleetOperator);

        await asDso.ApproveAsync(fleetOperator, 300, Cancel);
        var over = await Assert.ThrowsAsync<FlexToken.InsufficientAllowanceException>(() => asFleetOperator.TransferFromAsync(dso, fleetOperator, 301, Cancel));
        await asFleetOperator.TransferFromAsync(dso, fleetOperator, 200, Cancel);
        UInt256 left = await asDso.AllowanceAsync(dso, fleetOperator, Cancel);
        await asDso.ApproveAsync(fleetOperator, UInt256.MaxValue, Cancel);
        await asFleetOperator.TransferFromAsync(dso, fleetOperator, 500, Cancel);

        Assert.Equal(FlexibilityErrorCodes.InsufficientAllowance, over.Code);
        Assert.Equal((fleetOperator, new UInt256(300), new UInt256(301)), (over.Spender, over.Allowance, over.Needed));
        Assert.Equal(new UInt256(100), left);
        Assert.Equal(UInt256.MaxValue, await asDso.AllowanceAsync(dso, fleetOperator, Cancel));
        Assert.Equal(new UInt256(700), await asDso.BalanceOfAsync(fleetOperator, Cancel));
    }

    private Task<FlexibilitySetup> MarketAsync() => FlexibilitySetup.DeployAsync(anvil, _http, funded: false);
}
