using System.Globalization;
using System.Text;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexibilityChaincode
{
    /// <summary>The platform's account, which participants approve once to trade (payment approval).</summary>
    public static Address PlatformAddress { get; } = DerivedAddress("ValueChain.Flexibility.Platform");

    /// <summary>The escrow account of an offer's payment contract.</summary>
    public static Address EscrowAddress(long offerId) => DerivedAddress("ValueChain.Flexibility.Escrow/" + offerId.ToString(CultureInfo.InvariantCulture));

    private static readonly string OfferCounterKey = ChaincodeState.Key("offer", "count");

    private static string OfferKey(long id) => ChaincodeState.Key("offer", id.ToString("D12", CultureInfo.InvariantCulture));

    private static string ContractKey(long id) => ChaincodeState.Key("contract", id.ToString("D12", CultureInfo.InvariantCulture));

    private static Address DerivedAddress(string name) => ContractAccount.Derive(name);

    private MarketPhase RequireStage(ChaincodeState state, MarketStage stage, long? round = null)
    {
        MarketPhase phase = _options.Clock.PhaseAt(state.Context.Timestamp);
        if (phase.Stage != stage || (round is { } r && phase.Round != r))
        {
            throw new ChaincodeException(FlexibilityErrorCodes.WrongStage, $"This needs the {stage} stage{(round is null ? "" : $" of round {round}")}; the market is in the {phase.Stage} stage of round {phase.Round}.");
        }

        return phase.GateOpen ? phase : throw new ChaincodeException(FlexibilityErrorCodes.GateClosed, $"The {stage} gate closed; the stage ends at {phase.StageEnds:O}.");
    }

    private async Task<string?> MakeOfferAsync(ChaincodeState state, OfferRequest request)
    {
        MarketParticipant seller = await CallerAsync(state, MarketRole.FleetOperator);
        MarketPhase phase = RequireStage(state, MarketStage.Offering);
        if (_options.CommittedOffers)
        {
            throw new ChaincodeException(FlexibilityErrorCodes.CommitmentMismatch, "This market takes hash-committed offers only (makeCommittedOffer).");
        }

        OfferTerms terms = ValidTerms(state.Context.Timestamp, seller.Address, request);
        return await StoreOfferAsync(state, new FlexibilityOffer(0, phase.Round, seller.Address, null, terms, request.AskingPrice, request.Penalty, OfferStatus.Open, Address.Zero, UInt256.Zero, 0));
    }

    private async Task<string?> MakeCommittedOfferAsync(ChaincodeState state, Hash32 commitment)
    {
        MarketParticipant seller = await CallerAsync(state, MarketRole.FleetOperator);
        MarketPhase phase = RequireStage(state, MarketStage.Offering);
        if (!_options.CommittedOffers)
        {
            throw new ChaincodeException(FlexibilityErrorCodes.CommitmentMismatch, "This market takes structured offers only (makeOffer).");
        }

        return await StoreOfferAsync(state, new FlexibilityOffer(0, phase.Round, seller.Address, commitment, null, UInt256.Zero, UInt256.Zero, OfferStatus.Open, Address.Zero, UInt256.Zero, 0));
    }

    private static async Task<string?> StoreOfferAsync(ChaincodeState state, FlexibilityOffer offer)
    {
        long id = await CountAsync(state, OfferCounterKey) + 1;
        offer = offer with { OfferId = id };
        await state.PutAsync(OfferKey(id), offer, Json.FlexibilityOffer);
        await state.Context.PutStateAsync(OfferCounterKey, Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)));
        state.Emit("OfferMade", offer, Json.FlexibilityOffer);
        return Serialize(new OfferCreated(id), Json.OfferCreated);
    }

    // Day-ahead (the day after the offering), whole slots within the day, energy and price above zero.
    private static OfferTerms ValidTerms(DateTimeOffset offeredAt, Address seller, OfferRequest request)
    {
        DateOnly tomorrow = DateOnly.FromDateTime(offeredAt.UtcDateTime).AddDays(1);
        if (request.DeliveryDate != tomorrow)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The market is day-ahead: deliveries are for {tomorrow:yyyy-MM-dd}, not {request.DeliveryDate:yyyy-MM-dd}.");
        }

        if (request.StartSlot is < 0 or > 95 || request.SlotCount < 1 || request.StartSlot + request.SlotCount > 96 || request.EnergyWh == 0 || request.AskingPrice.IsZero || !Enum.IsDefined(request.Direction))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "An offer needs slots within the day (0–95), energy above zero, an asking price above zero and a direction.");
        }

        return new OfferTerms(seller, request.DeliveryDate, request.StartSlot, request.SlotCount, request.Location, request.Direction, request.EnergyWh);
    }

    private async Task<string?> BidAsync(ChaincodeState state, BidArgs args)
    {
        MarketParticipant bidder = await CallerAsync(state, MarketRole.Verifier, MarketRole.Dso);
        FlexibilityOffer offer = await OfferAsync(state, args.OfferId);
        RequireStage(state, MarketStage.Bidding, offer.Round);
        if (offer.Commitment is null && args.Price < offer.AskingPrice)
        {
            throw new ChaincodeException(FlexibilityErrorCodes.BidTooLow, $"Offer {offer.OfferId} asks at least {offer.AskingPrice}, not {args.Price}.");
        }

        // The highest bid wins; of equal bids, the earlier. A committed offer's ask is checked at its reveal.
        FlexibilityOffer updated = args.Price > offer.BestPrice || offer.Bids == 0
            ? offer with { BestBidder = bidder.Address, BestPrice = args.Price, Bids = offer.Bids + 1 }
            : offer with { Bids = offer.Bids + 1 };
        await state.PutAsync(OfferKey(offer.OfferId), updated, Json.FlexibilityOffer);
        state.Emit("BidPlaced", args, Json.BidArgs);
        return null;
    }

    private async Task<string?> CreateContractAsync(ChaincodeState state, CreateContractArgs args)
    {
        long offerId = args.OfferId;
        MarketParticipant seller = await CallerAsync(state, MarketRole.FleetOperator);
        FlexibilityOffer offer = await OfferAsync(state, offerId);
        if (offer.FleetOperator != seller.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the fleet operator of offer {offerId} confirms its result.");
        }

        RequireStage(state, MarketStage.ContractCreation, offer.Round);
        if (offer.Status != OfferStatus.Open)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Offer {offerId} is already {offer.Status}.");
        }

        if (offer.Commitment is { } commitment)
        {
            // The fleet operator reveals the terms it committed to; a best bid below the revealed ask is no sale.
            if (args.Reveal is null || args.Salt is null || args.Reveal.Commit(args.Salt.Value) != commitment)
            {
                throw new ChaincodeException(FlexibilityErrorCodes.CommitmentMismatch, $"The revealed terms do not hash to offer {offerId}'s commitment {commitment}.");
            }

            OfferTerms revealed = ValidTerms(_options.Clock.StageStart(offer.Round, MarketStage.Offering), seller.Address, args.Reveal);
            offer = offer with { Terms = revealed, AskingPrice = args.Reveal.AskingPrice, Penalty = args.Reveal.Penalty };
            if (offer.BestPrice < offer.AskingPrice)
            {
                offer = offer with { Bids = 0 };
            }
        }

        if (offer.Bids == 0)
        {
            await state.PutAsync(OfferKey(offerId), offer with { Status = OfferStatus.Expired }, Json.FlexibilityOffer);
            state.Emit("OfferExpired", new OfferIdArgs(offerId), Json.OfferIdArgs);
            return null;
        }

        // Collect the winning bid from the bidder and the penalty from the fleet operator, both through their payment approval of the platform.
        Address escrow = EscrowAddress(offerId);
        await SpendApprovedAsync(state, offer.BestBidder, escrow, offer.BestPrice);
        await SpendApprovedAsync(state, seller.Address, escrow, offer.Penalty);
        DateTimeOffset deadline = offer.Terms!.Window().End + _options.PenaltyGrace;
        var contract = new PaymentContract(offerId, offer.BestBidder, seller.Address, escrow, offer.BestPrice, offer.Penalty, UInt256.Zero, UInt256.Zero, 0, deadline, false);
        await state.PutAsync(ContractKey(offerId), contract, Json.PaymentContract);
        await state.PutAsync(OfferKey(offerId), offer with { Status = OfferStatus.Contracted }, Json.FlexibilityOffer);
        state.Emit("ContractCreated", contract, Json.PaymentContract);
        return null;
    }

    // Through the owner's payment approval of the platform, as FlexPlatform spends it with transferFrom.
    private async Task SpendApprovedAsync(ChaincodeState state, Address owner, Address to, UInt256 amount)
    {
        if (amount.IsZero)
        {
            return;
        }

        await Token.SpendAllowanceAsync(state.Context, owner, PlatformAddress, amount);
        await MoveAsync(state, owner, to, amount);
    }

    private static async Task<FlexibilityOffer> OfferAsync(ChaincodeState state, long offerId) =>
        await state.GetAsync(OfferKey(offerId), Json.FlexibilityOffer)
        ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Offer {offerId} does not exist.");

    private static async Task<long> CountAsync(ChaincodeState state, string key)
    {
        ReadOnlyMemory<byte>? value = await state.Context.GetStateAsync(key);
        return value is null ? 0 : long.Parse(Encoding.UTF8.GetString(value.Value.Span), CultureInfo.InvariantCulture);
    }
}
