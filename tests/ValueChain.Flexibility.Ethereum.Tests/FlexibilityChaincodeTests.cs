using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;
using Terms = ValueChain.Flexibility.Ethereum.Contracts.FlexPlatform.FlexPlatformTerms;

namespace ValueChain.Flexibility.Ethereum.Tests;

// The market contracts on anvil through a whole round: offer, bids, contract creation as a clone of
// the payment contract, payment requests against meter-signed records (pro rata, replay recorded and
// refused), and penalty enforcement after the deadline. Ledger time moves with anvil's
// evm_setNextBlockTimestamp, never by sleeping; the market clock is the SDK's default (5-minute stages,
// gates closing 1 minute before the end, epoch 1970).
public sealed class FlexibilityChaincodeTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private const ulong Stage = FlexibilitySetup.StageSeconds;
    private const ulong Round = 3 * Stage;
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_pays_the_fleet_operator_pro_rata_against_meter_signed_records_and_refuses_a_replay()
    {
        FlexibilitySetup market = await MarketAsync(committed: false);
        var meter = PrivateKey.Generate();
        await market.Whitelist(market.Verifier).AddMeterAsync(meter.Address, default, Cancel);
        ulong roundStart = await NextRoundAsync();

        await SetNextTimeAsync(roundStart + 10);
        Terms terms = TermsFor(roundStart, askingPrice: 1_000, penalty: 300);
        TransactionReceipt offered = await market.Platform(market.FleetOperator).MakeOfferAsync(terms, Cancel);
        UInt256 offerId = Assert.Single(FlexPlatform.OfferMadeEvent.FromReceipt(offered, market.PlatformAddress)).OfferId;

        await SetNextTimeAsync(roundStart + Stage + 10);
        var low = await Assert.ThrowsAsync<FlexPlatform.BidTooLowException>(() => market.Platform(market.Dso).BidAsync(offerId, 999, Cancel));
        await market.Platform(market.Dso).BidAsync(offerId, 1_200, Cancel);
        await market.Platform(market.Verifier).BidAsync(offerId, 1_200, Cancel); // a tie: the earlier bid stays best
        var fleetOperatorBids = await Assert.ThrowsAsync<FlexPlatform.UnauthorizedException>(() => market.Platform(market.FleetOperator).BidAsync(offerId, 5_000, Cancel));

        await SetNextTimeAsync(roundStart + 2 * Stage + 10);
        TransactionReceipt created = await market.Platform(market.FleetOperator).CreateContractAsync(offerId, terms, default, Cancel);
        FlexPlatform.ContractCreatedEvent contract = Assert.Single(FlexPlatform.ContractCreatedEvent.FromReceipt(created, market.PlatformAddress));
        var payment = new FlexPayment(market.FleetOperator, contract.Payment);

        Assert.Equal(ErrorCodes.Unauthorized, fleetOperatorBids.Code);
        Assert.Equal(FlexibilityErrorCodes.BidTooLow, low.Code);
        Assert.Equal((market.Dso.Account!.Value, new UInt256(1_200), new UInt256(300)), (contract.Buyer, contract.Price, contract.Penalty));
        Assert.Equal(new UInt256(1_500), await market.Token(market.Dso).BalanceOfAsync(contract.Payment, Cancel));

        FlexPayment.RequestPaymentOutput first = await RequestAsync(payment, meter, terms, market.FleetOperator.Account!.Value, 4_000, nonce: 1);
        FlexPayment.RequestPaymentOutput replay = await RequestAsync(payment, meter, terms, market.FleetOperator.Account!.Value, 4_000, nonce: 1);
        FlexPayment.RequestPaymentOutput rest = await RequestAsync(payment, meter, terms, market.FleetOperator.Account!.Value, 6_000, nonce: 2);

        Assert.Equal((0, new UInt256(480), new UInt256(120)), (first.Rejection, first.PaidNow, first.ReleasedNow));
        Assert.Equal((byte)EtrRejection.NonceReplayed, replay.Rejection);
        Assert.Equal((0, new UInt256(720), new UInt256(180)), (rest.Rejection, rest.PaidNow, rest.ReleasedNow));
        Assert.Equal((byte)EtrRejection.NonceReplayed, Assert.Single(await payment.RejectionsAsync(Cancel)).Reason);
        Assert.Equal(new UInt256(5_000 - 300 + 1_500), await market.Token(market.Dso).BalanceOfAsync(market.FleetOperator.Account!.Value, Cancel));
        Assert.Equal(UInt256.Zero, await market.Token(market.Dso).BalanceOfAsync(contract.Payment, Cancel));
        Assert.True(await market.Platform(market.Dso).NonceUsedAsync(meter.Address, 1, Cancel));
    }

    [Fact]
    public async Task Calls_in_the_wrong_stage_or_after_the_gate_fail_and_an_offer_without_bids_expires()
    {
        FlexibilitySetup market = await MarketAsync(committed: false);
        ulong roundStart = await NextRoundAsync();
        Terms terms = TermsFor(roundStart, askingPrice: 500, penalty: 0);

        await SetNextTimeAsync(roundStart + Stage - 30); // within the offering stage, after its gate
        var closed = await Assert.ThrowsAsync<FlexPlatform.GateClosedException>(() => market.Platform(market.FleetOperator).MakeOfferAsync(terms, Cancel));
        ulong next = roundStart + Round;
        Terms nextTerms = TermsFor(next, askingPrice: 500, penalty: 0);
        await SetNextTimeAsync(next + 5);
        TransactionReceipt offered = await market.Platform(market.FleetOperator).MakeOfferAsync(nextTerms, Cancel);
        UInt256 offerId = Assert.Single(FlexPlatform.OfferMadeEvent.FromReceipt(offered, market.PlatformAddress)).OfferId;
        var early = await Assert.ThrowsAsync<FlexPlatform.WrongStageException>(() => market.Platform(market.Dso).BidAsync(offerId, 600, Cancel));
        await SetNextTimeAsync(next + 2 * Stage + 5);
        TransactionReceipt expired = await market.Platform(market.FleetOperator).CreateContractAsync(offerId, nextTerms, default, Cancel);

        Assert.Equal(FlexibilityErrorCodes.GateClosed, closed.Code);
        Assert.Equal((FlexibilityErrorCodes.WrongStage, (byte)2, (byte)1), (early.Code, early.Needed, early.Current));
        Assert.Single(FlexPlatform.OfferExpiredEvent.FromReceipt(expired, market.PlatformAddress));
        Assert.Equal(3, (await market.Platform(market.Dso).OfferAsync(offerId, Cancel)).Status);
    }

    [Fact]
    public async Task Only_the_buyer_enforces_the_penalty_and_only_after_the_deadline()
    {
        FlexibilitySetup market = await MarketAsync(committed: false);
        ulong roundStart = await NextRoundAsync();
        Terms terms = TermsFor(roundStart, askingPrice: 1_000, penalty: 400);
        await SetNextTimeAsync(roundStart + 10);
        UInt256 offerId = Assert.Single(FlexPlatform.OfferMadeEvent.FromReceipt(await market.Platform(market.FleetOperator).MakeOfferAsync(terms, Cancel), market.PlatformAddress)).OfferId;
        await SetNextTimeAsync(roundStart + Stage + 10);
        await market.Platform(market.Dso).BidAsync(offerId, 1_000, Cancel);
        await SetNextTimeAsync(roundStart + 2 * Stage + 10);
        FlexPlatform.ContractCreatedEvent contract = Assert.Single(FlexPlatform.ContractCreatedEvent.FromReceipt(
            await market.Platform(market.FleetOperator).CreateContractAsync(offerId, terms, default, Cancel), market.PlatformAddress));

        var early = await Assert.ThrowsAsync<FlexPayment.ConflictException>(() => new FlexPayment(market.Dso, contract.Payment).EnforcePenaltyAsync(Cancel));
        await SetNextTimeAsync(contract.Deadline);
        var notBuyer = await Assert.ThrowsAsync<FlexPayment.UnauthorizedException>(() => new FlexPayment(market.Verifier, contract.Payment).EnforcePenaltyAsync(Cancel));
        var seller = await Assert.ThrowsAsync<FlexPayment.UnauthorizedException>(() => new FlexPayment(market.FleetOperator, contract.Payment).EnforcePenaltyAsync(Cancel));
        UInt256 before = await market.Token(market.Dso).BalanceOfAsync(market.Dso.Account!.Value, Cancel);
        await new FlexPayment(market.Dso, contract.Payment).EnforcePenaltyAsync(Cancel);

        Assert.Contains("deadline", early.Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Unauthorized, notBuyer.Code);
        Assert.Equal(market.FleetOperator.Account, seller.Caller);
        Assert.Equal(before.Value + 1_400, (await market.Token(market.Dso).BalanceOfAsync(market.Dso.Account!.Value, Cancel)).Value);
        Assert.True(await new FlexPayment(market.Dso, contract.Payment).SettledAsync(Cancel));
        Assert.Equal((terms.DeliveryDate * 86_400UL) + ((ulong)terms.StartSlot + terms.SlotCount) * 900 + 86_400, contract.Deadline);
    }

    [Fact]
    public async Task A_committed_offer_is_revealed_at_contract_creation_and_must_match_the_sdks_commitment()
    {
        FlexibilitySetup market = await MarketAsync(committed: true);
        ulong roundStart = await NextRoundAsync();
        Terms terms = TermsFor(roundStart, askingPrice: 800, penalty: 100);
        Hash32 salt = Keccak256.Hash("salt of fleet Karlsruhe"u8);
        var request = new OfferRequest(
            DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)terms.DeliveryDate), terms.StartSlot, terms.SlotCount,
            terms.Location, (FlexibilityDirection)terms.Direction, terms.EnergyWh, terms.AskingPrice, terms.Penalty);

        await SetNextTimeAsync(roundStart + 10);
        var structured = await Assert.ThrowsAsync<FlexPlatform.CommitmentMismatchException>(() => market.Platform(market.FleetOperator).MakeOfferAsync(terms, Cancel));
        UInt256 offerId = Assert.Single(FlexPlatform.OfferMadeEvent.FromReceipt(
            await market.Platform(market.FleetOperator).MakeCommittedOfferAsync(request.Commit(salt), Cancel), market.PlatformAddress)).OfferId;
        await SetNextTimeAsync(roundStart + Stage + 10);
        await market.Platform(market.Dso).BidAsync(offerId, 900, Cancel); // the ask is not known yet
        await SetNextTimeAsync(roundStart + 2 * Stage + 10);
        var forged = await Assert.ThrowsAsync<FlexPlatform.CommitmentMismatchException>(() =>
            market.Platform(market.FleetOperator).CreateContractAsync(offerId, terms with { AskingPrice = 700 }, salt, Cancel));
        TransactionReceipt created = await market.Platform(market.FleetOperator).CreateContractAsync(offerId, terms, salt, Cancel);

        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, structured.Code);
        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, forged.Code);
        Assert.Equal(request.Commit(salt), await market.Platform(market.Dso).CommitmentOfAsync(terms, salt, Cancel));
        Assert.Equal(new UInt256(900), Assert.Single(FlexPlatform.ContractCreatedEvent.FromReceipt(created, market.PlatformAddress)).Price);
    }

    private static async Task<FlexPayment.RequestPaymentOutput> RequestAsync(FlexPayment payment, PrivateKey meter, Terms terms, Address fleetOperator, ulong energyWh, ulong nonce)
    {
        var record = new EnergyTransferRecord(
            fleetOperator, DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)terms.DeliveryDate), terms.StartSlot, terms.Location,
            (FlexibilityDirection)terms.Direction, energyWh, nonce, DateTimeOffset.FromUnixTimeSeconds(terms.DeliveryDate * 86_400L + terms.StartSlot * 900L));
        RecoverableSignature signature = Secp256k1.Sign(meter, record.Digest(AnvilNode.ChainId, payment.Address));
        var onChain = new FlexPayment.Record(record.FleetOperator, terms.DeliveryDate, terms.StartSlot, terms.Location, terms.Direction, energyWh, nonce, (ulong)record.ReadingTime.ToUnixTimeSeconds());
        FlexPayment.RequestPaymentOutput outcome = await payment.CallRequestPaymentAsync(onChain, signature.V, signature.R, signature.S, Cancel);
        await payment.RequestPaymentAsync(onChain, signature.V, signature.R, signature.S, Cancel);
        return outcome;
    }

    // Tomorrow relative to the round's offering stage, four slots from 09:00, 10 kWh.
    private static Terms TermsFor(ulong roundStart, ulong askingPrice, ulong penalty) =>
        new((uint)(roundStart / 86_400 + 1), 36, 4, OfferTerms.LocationHash("DE-BW-Karlsruhe-17"), 0, 10_000, askingPrice, penalty);

    private async Task<ulong> NextRoundAsync()
    {
        var rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        JsonElement block = await rpc.CallAsync("eth_getBlockByNumber", ["latest", false], Cancel);
        ulong now = (ulong)HexQuantity.Parse(block.GetProperty("timestamp"));
        return (now / Round + 1) * Round;
    }

    private async Task SetNextTimeAsync(ulong unixSeconds) =>
        await new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = anvil.Endpoint }).CallAsync("evm_setNextBlockTimestamp", [(long)unixSeconds], Cancel);

    private Task<FlexibilitySetup> MarketAsync(bool committed) => FlexibilitySetup.DeployAsync(anvil, _http, committed);
}
