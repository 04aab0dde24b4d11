using ValueChain.Flexibility;
using Xunit;
using static ValueChain.Conformance.Flexibility.FlexibilityActors;

namespace ValueChain.Conformance.Flexibility;

/// <summary>
/// The flexibility market's rules from specs/flexibility.md against <see cref="IFlexibilityMarket"/>
/// only (so far: whitelist and token). A driver's test project subclasses it.
/// </summary>
public abstract class FlexibilityConformance
{
    /// <summary>Starts a ledger with the market deployed with <paramref name="options"/>.</summary>
    protected abstract Task<FlexibilityUnderTest> StartAsync(FlexMarketOptions options);

    private Task<FlexibilityUnderTest> StartAsync() => StartAsync(Options());

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    private static async Task WhitelistAsync(IFlexibilityMarket m)
    {
        await m.AddParticipantAsync(Tso, Dso.Address, MarketRole.Dso, "DSO");
        await m.AddParticipantAsync(Tso, FleetOperator.Address, MarketRole.FleetOperator, "Fleet A");
        await m.AddParticipantAsync(Tso, OtherFleetOperator.Address, MarketRole.FleetOperator, "Fleet B");
    }

    [Fact]
    public async Task Only_the_verifier_changes_the_whitelist()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityMarket m = market.Market;
        await WhitelistAsync(m);

        Assert.Equal(MarketRole.FleetOperator, (await m.GetParticipantAsync(FleetOperator.Address))!.Role);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.AddParticipantAsync(Dso, Stranger.Address, MarketRole.Dso, "X")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.AddParticipantAsync(Stranger, Stranger.Address, MarketRole.Dso, "X")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.RemoveParticipantAsync(FleetOperator, OtherFleetOperator.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AddParticipantAsync(Tso, Dso.Address, MarketRole.Dso, "Again")));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.RemoveParticipantAsync(Tso, Tso.Address)));

        await m.RemoveParticipantAsync(Tso, OtherFleetOperator.Address);

        Assert.Null(await m.GetParticipantAsync(OtherFleetOperator.Address));
        Assert.Null(await m.GetParticipantAsync(Stranger.Address));
    }

    [Fact]
    public async Task Meters_are_whitelisted_by_address_or_by_p256_key_with_their_location()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityMarket m = market.Market;
        using var meter = new SimulatedMeter("SIM-1");
        Hash32 station = OfferTerms.LocationHash("station-17");

        await m.AddMeterAsync(Tso, meter.Address);
        await m.AddP256MeterAsync(Tso, meter.P256PublicKey, station);

        Assert.Null((await m.GetMeterAsync(meter.Address))!.P256PublicKey);
        WhitelistedMeter ocmf = (await m.GetMeterAsync(MeterIds.ForP256(meter.P256PublicKey)))!;
        Assert.Equal(Hex.Encode(meter.P256PublicKey), ocmf.P256PublicKey);
        Assert.Equal(station, ocmf.Location);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.AddMeterAsync(FleetOperator, Stranger.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.AddMeterAsync(Tso, meter.Address)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.AddP256MeterAsync(Tso, new byte[33], station)));

        await m.RemoveMeterAsync(Tso, meter.Address);

        Assert.Null(await m.GetMeterAsync(meter.Address));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => m.RemoveMeterAsync(Tso, meter.Address)));
    }

    [Fact]
    public async Task The_token_follows_erc20_transfer_approve_and_transfer_from()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityMarket m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, Dso.Address, 1_000);

        MarketReceipt transfer = await m.TransferAsync(Dso, FleetOperator.Address, 300);
        await m.ApproveAsync(Dso, OtherFleetOperator.Address, 200);
        await m.TransferFromAsync(OtherFleetOperator, Dso.Address, OtherFleetOperator.Address, 150);

        Assert.Equal(new UInt256(550), await m.BalanceOfAsync(Dso.Address));
        Assert.Equal(new UInt256(300), await m.BalanceOfAsync(FleetOperator.Address));
        Assert.Equal(new UInt256(150), await m.BalanceOfAsync(OtherFleetOperator.Address));
        Assert.Equal(new UInt256(50), await m.AllowanceAsync(Dso.Address, OtherFleetOperator.Address));
        Assert.Equal(new UInt256(1_000), await m.TotalSupplyAsync());
        Assert.Contains(transfer.Events, e => e.Name == "Transfer");
    }

    [Fact]
    public async Task Token_refusals_change_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityMarket m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, Dso.Address, 100);
        await m.ApproveAsync(Dso, FleetOperator.Address, 30);

        Assert.Equal(FlexErrorCodes.InsufficientBalance, await ErrorCodeAsync(() => m.TransferAsync(Dso, FleetOperator.Address, 101)));
        Assert.Equal(FlexErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => m.TransferFromAsync(FleetOperator, Dso.Address, FleetOperator.Address, 31)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.TransferAsync(Stranger, Dso.Address, 1)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.MintAsync(Dso, Dso.Address, 1)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.TransferAsync(Dso, Address.Zero, 1)));

        Assert.Equal(new UInt256(100), await m.BalanceOfAsync(Dso.Address));
        Assert.Equal(new UInt256(30), await m.AllowanceAsync(Dso.Address, FleetOperator.Address));
        Assert.Equal(new UInt256(100), await m.TotalSupplyAsync());
    }

    [Fact]
    public async Task An_unlimited_allowance_never_decreases()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityMarket m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, FleetOperator.Address, 500);
        await m.ApproveAsync(FleetOperator, Dso.Address, UInt256.MaxValue);

        await m.TransferFromAsync(Dso, FleetOperator.Address, Dso.Address, 200);

        Assert.Equal(UInt256.MaxValue, await m.AllowanceAsync(FleetOperator.Address, Dso.Address));
        Assert.Equal(new UInt256(300), await m.BalanceOfAsync(FleetOperator.Address));
    }
}
