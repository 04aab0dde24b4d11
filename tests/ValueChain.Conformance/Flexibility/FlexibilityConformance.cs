using CsCheck;
using ValueChain.Cryptography;
using ValueChain.Flexibility;
using Xunit;
using static ValueChain.Conformance.Flexibility.FlexibilityActors;

namespace ValueChain.Conformance.Flexibility;

/// <summary>
/// The flexibility market's rules from specs/flexibility.md against <see cref="IFlexibilityContract"/>
/// only (so far: whitelist and token). A driver's test project subclasses it.
/// </summary>
public abstract class FlexibilityConformance : ApplicationConformance
{
    /// <summary>Starts a ledger with the flexibility chaincode (or its twin) deployed with <paramref name="options"/>.</summary>
    protected abstract Task<FlexibilityUnderTest> StartLedgerAsync(FlexibilityOptions options);

    private Task<FlexibilityUnderTest> StartAsync(FlexibilityOptions options) => StartLedgerAsync(options);

    private Task<FlexibilityUnderTest> StartAsync() => StartAsync(Options());

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    private static async Task WhitelistAsync(IFlexibilityContract m)
    {
        await m.AddParticipantAsync(Tso, Dso.Address, MarketRole.Dso, "DSO");
        await m.AddParticipantAsync(Tso, FleetOperator.Address, MarketRole.FleetOperator, "Fleet A");
        await m.AddParticipantAsync(Tso, OtherFleetOperator.Address, MarketRole.FleetOperator, "Fleet B");
    }

    [Fact]
    public async Task Only_the_verifier_changes_the_whitelist()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
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
        IFlexibilityContract m = market.Market;
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
        IFlexibilityContract m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, Dso.Address, 1_000);

        FlexibilityReceipt transfer = await m.TransferAsync(Dso, FleetOperator.Address, 300);
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
        IFlexibilityContract m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, Dso.Address, 100);
        await m.ApproveAsync(Dso, FleetOperator.Address, 30);

        Assert.Equal(FlexibilityErrorCodes.InsufficientBalance, await ErrorCodeAsync(() => m.TransferAsync(Dso, FleetOperator.Address, 101)));
        Assert.Equal(FlexibilityErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => m.TransferFromAsync(FleetOperator, Dso.Address, FleetOperator.Address, 31)));
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
        IFlexibilityContract m = market.Market;
        await WhitelistAsync(m);
        await m.MintAsync(Tso, FleetOperator.Address, 500);
        await m.ApproveAsync(FleetOperator, Dso.Address, UInt256.MaxValue);

        await m.TransferFromAsync(Dso, FleetOperator.Address, Dso.Address, 200);

        Assert.Equal(UInt256.MaxValue, await m.AllowanceAsync(FleetOperator.Address, Dso.Address));
        Assert.Equal(new UInt256(300), await m.BalanceOfAsync(FleetOperator.Address));
    }

    // ---- Platform: stages, offers, bids, contract creation ----

    private static async Task AtStageAsync(FlexibilityUnderTest market, MarketStage stage, TimeSpan into = default)
    {
        // The first moment, from now on, that is `into` past the start of `stage`; no move when already there.
        MarketPhase phase = await market.Market.GetPhaseAsync();
        DateTimeOffset now = await market.Time.GetTimeAsync();
        if (phase.Stage == stage && into == default && phase.GateOpen)
        {
            return;
        }

        DateTimeOffset target = MarketClock.Default.StageStart(phase.Round, stage) + into;
        if (target <= now)
        {
            target = MarketClock.Default.StageStart(phase.Round + 1, stage) + into;
        }

        await market.Time.AdvanceAsync(target - now);
    }

    private static async Task<OfferRequest> TradableAsync(FlexibilityUnderTest market, FlexibilityDirection direction = FlexibilityDirection.Negative)
    {
        IFlexibilityContract m = market.Market;
        await WhitelistAsync(m);
        foreach (ISigner trader in new ISigner[] { Tso, Dso, FleetOperator })
        {
            await m.MintAsync(Tso, trader.Address, 10_000);
            await m.ApproveAsync(trader, m.PlatformAddress, UInt256.MaxValue);
        }

        DateOnly tomorrow = DateOnly.FromDateTime((await market.Time.GetTimeAsync()).UtcDateTime).AddDays(1);
        return new OfferRequest(tomorrow, 72, 4, OfferTerms.LocationHash("station-17"), direction, 40_000, 1_000, 300);
    }

    [Fact]
    public async Task The_highest_earliest_bid_wins_and_contract_creation_escrows_bid_and_penalty()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;

        await AtStageAsync(market, MarketStage.Bidding);
        await m.BidAsync(Dso, offerId, 1_200);
        await m.BidAsync(Tso, offerId, 1_500);
        await m.BidAsync(Dso, offerId, 1_500);
        FlexibilityOffer bidOn = (await m.GetOfferAsync(offerId))!;
        Assert.Equal((Tso.Address, new UInt256(1_500), 3), (bidOn.BestBidder, bidOn.BestPrice, bidOn.Bids));

        await AtStageAsync(market, MarketStage.ContractCreation);
        FlexibilityReceipt created = await m.CreateContractAsync(FleetOperator, offerId);

        PaymentContract contract = (await m.GetPaymentContractAsync(offerId))!;
        Assert.Equal((Tso.Address, FleetOperator.Address, new UInt256(1_500), new UInt256(300)), (contract.Buyer, contract.FleetOperator, contract.Payment, contract.Penalty));
        Assert.Equal(new UInt256(1_800), await m.BalanceOfAsync(contract.Escrow));
        Assert.Equal(new UInt256(8_500), await m.BalanceOfAsync(Tso.Address));
        Assert.Equal(new UInt256(9_700), await m.BalanceOfAsync(FleetOperator.Address));
        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Dso.Address));
        Assert.Equal(OfferStatus.Contracted, (await m.GetOfferAsync(offerId))!.Status);
        Assert.Contains(created.Events, e => e.Name == "ContractCreated");
        Assert.Equal(request.DeliveryDate.ToDateTime(new TimeOnly(19, 0)) + TimeSpan.FromHours(24), contract.Deadline.UtcDateTime);
    }

    [Fact]
    public async Task Calls_in_the_wrong_stage_or_after_gate_closure_fail()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;
        Assert.Equal(FlexibilityErrorCodes.WrongStage, await ErrorCodeAsync(() => m.BidAsync(Tso, offerId, 1_000)));
        Assert.Equal(FlexibilityErrorCodes.WrongStage, await ErrorCodeAsync(() => m.CreateContractAsync(FleetOperator, offerId)));

        await AtStageAsync(market, MarketStage.Offering, TimeSpan.FromSeconds(4 * 60 + 30));
        Assert.Equal(FlexibilityErrorCodes.GateClosed, await ErrorCodeAsync(() => m.MakeOfferAsync(FleetOperator, request)));

        await AtStageAsync(market, MarketStage.Bidding);
        Assert.Equal(FlexibilityErrorCodes.WrongStage, await ErrorCodeAsync(() => m.MakeOfferAsync(FleetOperator, request)));
        await AtStageAsync(market, MarketStage.Bidding, TimeSpan.FromSeconds(4 * 60 + 1));
        Assert.Equal(FlexibilityErrorCodes.GateClosed, await ErrorCodeAsync(() => m.BidAsync(Tso, offerId, 1_000)));

        // The next round's bidding stage does not take bids on this round's offers.
        await AtStageAsync(market, MarketStage.Offering);
        await AtStageAsync(market, MarketStage.Bidding);
        Assert.Equal(FlexibilityErrorCodes.WrongStage, await ErrorCodeAsync(() => m.BidAsync(Tso, offerId, 1_000)));
        Assert.Equal(0, (await m.GetOfferAsync(offerId))!.Bids);
    }

    [Fact]
    public async Task Only_fleet_operators_offer_only_grid_operators_bid_and_only_the_seller_confirms()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market);
        await AtStageAsync(market, MarketStage.Offering);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.MakeOfferAsync(Dso, request)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.MakeOfferAsync(Stranger, request)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.MakeOfferAsync(FleetOperator, request with { DeliveryDate = request.DeliveryDate.AddDays(1) })));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => m.MakeOfferAsync(FleetOperator, request with { StartSlot = 94 })));
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;

        await AtStageAsync(market, MarketStage.Bidding);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.BidAsync(OtherFleetOperator, offerId, 2_000)));
        Assert.Equal(FlexibilityErrorCodes.BidTooLow, await ErrorCodeAsync(() => m.BidAsync(Dso, offerId, 999)));
        await m.BidAsync(Dso, offerId, 1_000);

        await AtStageAsync(market, MarketStage.ContractCreation);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.CreateContractAsync(OtherFleetOperator, offerId)));
        Assert.Null(await m.GetPaymentContractAsync(offerId));
    }

    [Fact]
    public async Task An_offer_without_bids_expires_and_nothing_moves()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;
        await AtStageAsync(market, MarketStage.ContractCreation);

        await m.CreateContractAsync(FleetOperator, offerId);

        Assert.Equal(OfferStatus.Expired, (await m.GetOfferAsync(offerId))!.Status);
        Assert.Null(await m.GetPaymentContractAsync(offerId));
        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(FleetOperator.Address));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.CreateContractAsync(FleetOperator, offerId)));
    }

    [Fact]
    public async Task Contract_creation_without_payment_approval_fails_and_moves_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market);
        await m.ApproveAsync(Dso, m.PlatformAddress, 500);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;
        await AtStageAsync(market, MarketStage.Bidding);
        await m.BidAsync(Dso, offerId, 1_000);
        await AtStageAsync(market, MarketStage.ContractCreation);

        Assert.Equal(FlexibilityErrorCodes.InsufficientAllowance, await ErrorCodeAsync(() => m.CreateContractAsync(FleetOperator, offerId)));

        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Dso.Address));
        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(FleetOperator.Address));
        Assert.Equal(OfferStatus.Open, (await m.GetOfferAsync(offerId))!.Status);
    }

    // ---- Hash-committed offers (a deployment option) ----

    private static FlexibilityOptions CommittedOptions()
    {
        FlexibilityOptions options = Options();
        options.CommittedOffers = true;
        return options;
    }

    [Fact]
    public async Task A_committed_offer_hides_its_terms_until_the_reveal_which_must_match()
    {
        await using FlexibilityUnderTest market = await StartAsync(CommittedOptions());
        IFlexibilityContract m = market.Market;
        OfferRequest terms = await TradableAsync(market);
        Hash32 salt = Keccak256.Hash("secret salt"u8);
        await AtStageAsync(market, MarketStage.Offering);
        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, await ErrorCodeAsync(() => m.MakeOfferAsync(FleetOperator, terms)));
        long offerId = (await m.MakeCommittedOfferAsync(FleetOperator, terms.Commit(salt))).OfferId!.Value;
        FlexibilityOffer hidden = (await m.GetOfferAsync(offerId))!;
        Assert.Equal((terms.Commit(salt), (OfferTerms?)null, UInt256.Zero), (hidden.Commitment!.Value, hidden.Terms, hidden.AskingPrice));

        await AtStageAsync(market, MarketStage.Bidding);
        await m.BidAsync(Dso, offerId, 500); // the ask is unknown until the reveal
        await m.BidAsync(Tso, offerId, 1_200);
        await AtStageAsync(market, MarketStage.ContractCreation);
        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, await ErrorCodeAsync(() => m.RevealAndCreateContractAsync(FleetOperator, offerId, terms, Keccak256.Hash("wrong"u8))));
        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, await ErrorCodeAsync(() => m.RevealAndCreateContractAsync(FleetOperator, offerId, terms with { Penalty = 1 }, salt)));
        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, await ErrorCodeAsync(() => m.CreateContractAsync(FleetOperator, offerId)));

        await m.RevealAndCreateContractAsync(FleetOperator, offerId, terms, salt);

        PaymentContract contract = (await m.GetPaymentContractAsync(offerId))!;
        Assert.Equal((Tso.Address, new UInt256(1_200), new UInt256(300)), (contract.Buyer, contract.Payment, contract.Penalty));
        Assert.Equal(new UInt256(1_500), await m.BalanceOfAsync(contract.Escrow));
        Assert.Equal(terms.EnergyWh, (await m.GetOfferAsync(offerId))!.Terms!.EnergyWh);
    }

    [Fact]
    public async Task A_committed_offer_whose_best_bid_is_below_the_revealed_ask_expires()
    {
        await using FlexibilityUnderTest market = await StartAsync(CommittedOptions());
        IFlexibilityContract m = market.Market;
        OfferRequest terms = await TradableAsync(market);
        Hash32 salt = Keccak256.Hash("salt"u8);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeCommittedOfferAsync(FleetOperator, terms.Commit(salt))).OfferId!.Value;
        await AtStageAsync(market, MarketStage.Bidding);
        await m.BidAsync(Dso, offerId, 999);
        await AtStageAsync(market, MarketStage.ContractCreation);

        await m.RevealAndCreateContractAsync(FleetOperator, offerId, terms, salt);

        Assert.Equal(OfferStatus.Expired, (await m.GetOfferAsync(offerId))!.Status);
        Assert.Null(await m.GetPaymentContractAsync(offerId));
        Assert.Equal(new UInt256(10_000), await m.BalanceOfAsync(Dso.Address));
    }

    [Fact]
    public async Task A_structured_market_refuses_committed_offers()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        await TradableAsync(market);
        await AtStageAsync(market, MarketStage.Offering);

        Assert.Equal(FlexibilityErrorCodes.CommitmentMismatch, await ErrorCodeAsync(() => market.Market.MakeCommittedOfferAsync(FleetOperator, Keccak256.Hash("x"u8))));
    }

    // ---- Payment requests: the security core ----

    private sealed record Contracted(long OfferId, OfferRequest Offer, PaymentContract Contract, SimulatedMeter Meter);

    /// <summary>A contracted offer (40 kWh, TSO bought at 1500 with 300 penalty) and a whitelisted meter (EIP-712 by address, OCMF by key at station-17).</summary>
    private static async Task<Contracted> ContractedAsync(FlexibilityUnderTest market, FlexibilityDirection direction = FlexibilityDirection.Negative)
    {
        IFlexibilityContract m = market.Market;
        OfferRequest request = await TradableAsync(market, direction);
        var meter = new SimulatedMeter("SIM-7", PrivateKey.FromBytes(Keccak256.Hash("meter 7"u8).ToArray()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
        await m.AddMeterAsync(Tso, meter.Address);
        await m.AddP256MeterAsync(Tso, meter.P256PublicKey, request.Location);
        await AtStageAsync(market, MarketStage.Offering);
        long offerId = (await m.MakeOfferAsync(FleetOperator, request)).OfferId!.Value;
        await AtStageAsync(market, MarketStage.Bidding);
        await m.BidAsync(Tso, offerId, 1_500);
        await AtStageAsync(market, MarketStage.ContractCreation);
        await m.CreateContractAsync(FleetOperator, offerId);
        return new Contracted(offerId, request, (await m.GetPaymentContractAsync(offerId))!, meter);
    }

    private static EnergyTransferRecord RecordFor(Contracted deal, ulong energyWh, ulong nonce) =>
        new(FleetOperator.Address, deal.Offer.DeliveryDate, deal.Offer.StartSlot, deal.Offer.Location, deal.Offer.Direction, energyWh, nonce,
            new DateTimeOffset(deal.Offer.DeliveryDate.ToDateTime(new TimeOnly(18, 20)), TimeSpan.Zero));

    private static Task<FlexibilityReceipt> PayAsync(IFlexibilityContract m, Contracted deal, EnergyTransferRecord record, ISigner? caller = null, RecoverableSignature? signature = null) =>
        m.RequestPaymentAsync(caller ?? FleetOperator, deal.OfferId, record, signature ?? deal.Meter.Sign(record, 31337, deal.Contract.Escrow));

    private static async Task<UInt256[]> BalancesAsync(IFlexibilityContract m, Contracted deal) =>
        [await m.BalanceOfAsync(FleetOperator.Address), await m.BalanceOfAsync(Tso.Address), await m.BalanceOfAsync(deal.Contract.Escrow)];

    private static async Task AssertRefusedAsync(IFlexibilityContract m, Contracted deal, Func<Task<FlexibilityReceipt>> request, EtrRejection reason)
    {
        UInt256[] before = await BalancesAsync(m, deal);

        FlexibilityReceipt receipt = await request();

        Assert.Equal(reason, receipt.Rejection?.Reason);
        Assert.Contains(receipt.Events, e => e.Name == "PaymentRejected");
        Assert.Equal(before, await BalancesAsync(m, deal));
        Assert.Contains(await m.GetPaymentRejectionsAsync(deal.OfferId), r => r.Reason == reason);
    }

    [Fact]
    public async Task Two_evs_records_pay_pro_rata_and_release_the_penalty_share()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);

        FlexibilityReceipt first = await PayAsync(m, deal, RecordFor(deal, 10_000, 1));

        Assert.Null(first.Rejection);
        PaymentContract contract = (await m.GetPaymentContractAsync(deal.OfferId))!;
        Assert.Equal((new UInt256(375), new UInt256(75), 10_000UL), (contract.Paid, contract.PenaltyReleased, contract.DeliveredWh));
        Assert.Equal(new UInt256(9_700 + 450), await m.BalanceOfAsync(FleetOperator.Address));

        await PayAsync(m, deal, RecordFor(deal, 30_000, 2));

        contract = (await m.GetPaymentContractAsync(deal.OfferId))!;
        Assert.Equal((new UInt256(1_500), new UInt256(300), 40_000UL), (contract.Paid, contract.PenaltyReleased, contract.DeliveredWh));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(deal.Contract.Escrow));
        Assert.Equal(new UInt256(10_000 + 1_500), await m.BalanceOfAsync(FleetOperator.Address));
    }

    [Fact]
    public async Task An_ocmf_record_pays_when_it_matches_and_a_changed_byte_a_wrong_key_or_a_replay_pays_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market, FlexibilityDirection.Positive);
        DateTimeOffset slot = new(deal.Offer.DeliveryDate.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        string ocmf = deal.Meter.SignOcmf(5, slot, 100m, slot.AddMinutes(15), 120m);
        using var other = new SimulatedMeter("OTHER");

        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, ocmf.Replace("\"RV\":120.000", "\"RV\":129.000", StringComparison.Ordinal), deal.Meter.P256PublicKey), EtrRejection.InvalidSignature);
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, ocmf, other.P256PublicKey), EtrRejection.InvalidSignature);
        FlexibilityReceipt paid = await m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, ocmf, deal.Meter.P256PublicKey);

        Assert.Null(paid.Rejection);
        Assert.Equal(new UInt256(9_700 + 750 + 150), await m.BalanceOfAsync(FleetOperator.Address));
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, ocmf, deal.Meter.P256PublicKey), EtrRejection.NonceReplayed);
    }

    [Fact]
    public async Task Ocmf_records_from_unlisted_or_removed_meters_or_for_another_offer_pay_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market, FlexibilityDirection.Positive);
        DateTimeOffset slot = new(deal.Offer.DeliveryDate.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        using var rogue = new SimulatedMeter("ROGUE");

        // Properly signed by a meter nobody whitelisted.
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, rogue.SignOcmf(1, slot, 1m, slot.AddMinutes(15), 2m), rogue.P256PublicKey), EtrRejection.MeterNotWhitelisted);
        // Another day, another slot, another offer's caller.
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, deal.Meter.SignOcmf(2, slot.AddDays(1), 1m, slot.AddDays(1).AddMinutes(15), 2m), deal.Meter.P256PublicKey), EtrRejection.DeliveryDateMismatch);
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, deal.Meter.SignOcmf(3, slot.AddMinutes(15), 1m, slot.AddMinutes(30), 2m), deal.Meter.P256PublicKey), EtrRejection.StartSlotMismatch);
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(OtherFleetOperator, deal.OfferId, deal.Meter.SignOcmf(4, slot, 1m, slot.AddMinutes(15), 2m), deal.Meter.P256PublicKey), EtrRejection.NotFleetOperator);
        // An export register evidences negative flexibility; this offer is positive.
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, deal.Meter.SignOcmf(6, slot, 1m, slot.AddMinutes(15), 2m, "1-b:2.8.0"), deal.Meter.P256PublicKey), EtrRejection.DirectionMismatch);
        // A whitelisted meter installed at another location.
        await m.AddP256MeterAsync(Tso, rogue.P256PublicKey, OfferTerms.LocationHash("station-99"));
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, rogue.SignOcmf(7, slot, 1m, slot.AddMinutes(15), 2m), rogue.P256PublicKey), EtrRejection.LocationMismatch);
        // The meter leaves the whitelist.
        await m.RemoveMeterAsync(Tso, MeterIds.ForP256(deal.Meter.P256PublicKey));
        await AssertRefusedAsync(m, deal, () => m.RequestOcmfPaymentAsync(FleetOperator, deal.OfferId, deal.Meter.SignOcmf(5, slot, 1m, slot.AddMinutes(15), 2m), deal.Meter.P256PublicKey), EtrRejection.MeterNotWhitelisted);
    }

    [Fact]
    public async Task A_replayed_nonce_pays_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        await PayAsync(m, deal, RecordFor(deal, 5_000, 9));

        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, RecordFor(deal, 5_000, 9)), EtrRejection.NonceReplayed);
        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, RecordFor(deal, 7_000, 9)), EtrRejection.NonceReplayed);
    }

    [Fact]
    public async Task A_meter_not_or_no_longer_on_the_whitelist_pays_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        using var rogue = new SimulatedMeter("ROGUE");
        EnergyTransferRecord record = RecordFor(deal, 5_000, 1);

        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record, signature: rogue.Sign(record, 31337, deal.Contract.Escrow)), EtrRejection.MeterNotWhitelisted);
        await m.RemoveMeterAsync(Tso, deal.Meter.Address);
        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record), EtrRejection.MeterNotWhitelisted);
    }

    [Theory]
    [InlineData(EtrRejection.DeliveryDateMismatch)]
    [InlineData(EtrRejection.StartSlotMismatch)]
    [InlineData(EtrRejection.LocationMismatch)]
    [InlineData(EtrRejection.DirectionMismatch)]
    [InlineData(EtrRejection.FleetOperatorMismatch)]
    public async Task A_record_for_another_offer_pays_nothing(EtrRejection field)
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        EnergyTransferRecord record = RecordFor(deal, 5_000, 3);
        record = field switch
        {
            EtrRejection.DeliveryDateMismatch => record with { DeliveryDate = record.DeliveryDate.AddDays(1) },
            EtrRejection.StartSlotMismatch => record with { StartSlot = record.StartSlot + 1 },
            EtrRejection.LocationMismatch => record with { Location = OfferTerms.LocationHash("station-18") },
            EtrRejection.DirectionMismatch => record with { Direction = FlexibilityDirection.Positive },
            _ => record with { FleetOperator = OtherFleetOperator.Address },
        };

        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record), field);
    }

    [Fact]
    public async Task Only_the_offers_fleet_operator_requests_payment_and_forged_signatures_pay_nothing()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        EnergyTransferRecord record = RecordFor(deal, 5_000, 4);
        RecoverableSignature genuine = deal.Meter.Sign(record, 31337, deal.Contract.Escrow);

        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record, caller: OtherFleetOperator), EtrRejection.NotFleetOperator);
        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record, signature: genuine with { V = 5 }), EtrRejection.InvalidSignature);
        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record, signature: genuine with { S = Hash32.Zero }), EtrRejection.InvalidSignature);
        // A record signed for another payment contract recovers another key.
        await AssertRefusedAsync(m, deal, () => PayAsync(m, deal, record, signature: deal.Meter.Sign(record, 31337, Stranger.Address)), EtrRejection.MeterNotWhitelisted);
    }

    [Fact]
    public async Task Energy_above_the_offer_pays_no_more_than_what_remains()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);

        await PayAsync(m, deal, RecordFor(deal, 30_000, 1));
        await PayAsync(m, deal, RecordFor(deal, 30_000, 2));

        PaymentContract contract = (await m.GetPaymentContractAsync(deal.OfferId))!;
        Assert.Equal((new UInt256(1_500), new UInt256(300)), (contract.Paid, contract.PenaltyReleased));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(deal.Contract.Escrow));
    }

    [Fact]
    public async Task The_buyer_takes_what_is_left_only_after_the_deadline()
    {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        await PayAsync(m, deal, RecordFor(deal, 10_000, 1));

        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => m.EnforcePenaltyAsync(Tso, deal.OfferId)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => m.EnforcePenaltyAsync(Dso, deal.OfferId)));
        await market.Time.AdvanceAsync(deal.Contract.Deadline - await market.Time.GetTimeAsync());

        await m.EnforcePenaltyAsync(Tso, deal.OfferId);

        // 1500 − 375 paid and 300 − 75 released: 1350 back to the buyer.
        Assert.Equal(new UInt256(8_500 + 1_350), await m.BalanceOfAsync(Tso.Address));
        Assert.Equal(UInt256.Zero, await m.BalanceOfAsync(deal.Contract.Escrow));
        Assert.True((await m.GetPaymentContractAsync(deal.OfferId))!.Settled);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => PayAsync(m, deal, RecordFor(deal, 1_000, 2))));
    }

    // ---- Properties ----

    [Fact]
    public async Task Random_payment_sequences_conserve_tokens_and_never_pay_more_than_the_winning_bid()
    {
        // Each step: energy in Wh and a nonce from a small range, so that replays happen too.
        RequireDriver();
        await Gen.Select(Gen.Int[0, 50_000], Gen.Int[0, 4]).Array[1, 8].SampleAsync(async steps =>
        {
            await using FlexibilityUnderTest market = await StartAsync();
            IFlexibilityContract m = market.Market;
            Contracted deal = await ContractedAsync(market);
            UInt256 supply = await m.TotalSupplyAsync();
            Address[] holders = [Tso.Address, Dso.Address, FleetOperator.Address, OtherFleetOperator.Address, deal.Contract.Escrow];
            foreach ((int energy, int nonce) in steps)
            {
                await PayAsync(m, deal, RecordFor(deal, (ulong)Math.Max(1, energy), (ulong)nonce));

                UInt256 held = UInt256.Zero;
                foreach (Address holder in holders)
                {
                    held += await m.BalanceOfAsync(holder);
                }

                PaymentContract contract = (await m.GetPaymentContractAsync(deal.OfferId))!;
                Assert.Equal(supply, held);
                Assert.True(contract.Paid <= contract.Payment, $"paid {contract.Paid} of {contract.Payment}");
                Assert.True(contract.PenaltyReleased <= contract.Penalty);
                Assert.Equal(new UInt256(10_000 - 300) + contract.Paid + contract.PenaltyReleased, await m.BalanceOfAsync(FleetOperator.Address));
            }
        }, iter: 12, threads: 1);
    }

    [Fact]
    public async Task Offline_verification_and_the_ledger_agree_on_generated_valid_and_invalid_records()
    {
        RequireDriver();
        await Gen.Select(Gen.Int[0, 8], Gen.Int[0, 6]).Array[40].SampleAsync(async records =>
        {
        await using FlexibilityUnderTest market = await StartAsync();
        IFlexibilityContract m = market.Market;
        Contracted deal = await ContractedAsync(market);
        using var rogue = new SimulatedMeter("ROGUE");
        var offline = new OfflineWhitelist(deal.Meter.Address);
        var verifier = new EtrVerifier(31337, deal.Contract.Escrow);
        var offer = new OfferTerms(FleetOperator.Address, deal.Offer.DeliveryDate, deal.Offer.StartSlot, deal.Offer.SlotCount, deal.Offer.Location, deal.Offer.Direction, deal.Offer.EnergyWh);
        int mutation = 0, rejected = 0;
        foreach ((int kind, int nonce) in records)
        {
            EnergyTransferRecord record = RecordFor(deal, 100, (ulong)nonce);
            ISigner caller = FleetOperator;
            record = kind switch
            {
                1 => record with { StartSlot = record.StartSlot + 1 },
                2 => record with { Location = OfferTerms.LocationHash("elsewhere") },
                3 => record with { Direction = FlexibilityDirection.Positive },
                4 => record with { DeliveryDate = record.DeliveryDate.AddDays(-1) },
                5 => record with { FleetOperator = OtherFleetOperator.Address },
                _ => record,
            };
            RecoverableSignature signature = kind switch
            {
                6 => rogue.Sign(record, 31337, deal.Contract.Escrow),
                7 => deal.Meter.Sign(record, 31337, deal.Contract.Escrow) with { V = 3 },
                _ => deal.Meter.Sign(record, 31337, deal.Contract.Escrow),
            };
            if (kind == 8)
            {
                caller = OtherFleetOperator;
            }

            EtrVerification expected = await verifier.VerifyAsync(caller.Address, offer, record, signature, offline);
            FlexibilityReceipt actual = await PayAsync(m, deal, record, caller, signature);

            Assert.Equal(expected.Rejection, actual.Rejection?.Reason);
            if (expected.IsValid)
            {
                offline.Used.Add(record.Nonce);
            }
            else
            {
                rejected++;
            }

            mutation++;
        }

        Assert.Equal(40, mutation);
        Assert.InRange(rejected, 1, 40);
        }, iter: 4, threads: 1);
    }

    private sealed class OfflineWhitelist(Address meter) : IMeterWhitelist
    {
        public HashSet<UInt256> Used { get; } = [];

        public ValueTask<bool> IsWhitelistedAsync(Address candidate) => ValueTask.FromResult(candidate == meter);

        public ValueTask<Hash32?> LocationOfAsync(Address candidate) => ValueTask.FromResult<Hash32?>(null);

        public ValueTask<bool> IsNonceUsedAsync(Address candidate, UInt256 nonce) => ValueTask.FromResult(candidate == meter && Used.Contains(nonce));
    }
}
