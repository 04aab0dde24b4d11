using System.Globalization;
using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexMarketChaincode
{
    /// <summary>The platform's account, which participants approve once to trade (payment approval).</summary>
    public static Address PlatformAddress { get; } = DerivedAddress("ValueChain.Flexibility.Platform");

    /// <summary>The escrow account of an offer's payment contract.</summary>
    public static Address EscrowAddress(long offerId) => DerivedAddress("ValueChain.Flexibility.Escrow/" + offerId.ToString(CultureInfo.InvariantCulture));

    private static readonly string OfferCounterKey = ChaincodeState.Key("offer", "count");

    private static string OfferKey(long id) => ChaincodeState.Key("offer", id.ToString("D12", CultureInfo.InvariantCulture));

    private static string ContractKey(long id) => ChaincodeState.Key("contract", id.ToString("D12", CultureInfo.InvariantCulture));

    private static Address DerivedAddress(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(Encoding.UTF8.GetBytes(name), hash);
        return new Address(hash[12..]);
    }

    private MarketPhase RequireStage(ChaincodeState state, MarketStage stage, long? round = null)
    {
        MarketPhase phase = _options.Clock.PhaseAt(state.Context.Timestamp);
        if (phase.Stage != stage || (round is { } r && phase.Round != r))
        {
            throw new ChaincodeException(FlexErrorCodes.WrongStage, $"This needs the {stage} stage{(round is null ? "" : $" of round {round}")}; the market is in the {phase.Stage} stage of round {phase.Round}.");
        }

        return phase.GateOpen ? phase : throw new ChaincodeException(FlexErrorCodes.GateClosed, $"The {stage} gate closed; the stage ends at {phase.StageEnds:O}.");
    }

    private async Task<string?> MakeOfferAsync(ChaincodeState state, OfferRequest args)
    {
        MarketParticipant seller = await CallerAsync(state, MarketRole.FleetOperator);
        MarketPhase phase = RequireStage(state, MarketStage.Offering);
        DateOnly tomorrow = DateOnly.FromDateTime(state.Context.Timestamp.UtcDateTime).AddDays(1);
        if (args.DeliveryDate != tomorrow)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The market is day-ahead: deliveries are for {tomorrow:yyyy-MM-dd}, not {args.DeliveryDate:yyyy-MM-dd}.");
        }

        if (args.StartSlot is < 0 or > 95 || args.SlotCount < 1 || args.StartSlot + args.SlotCount > 96 || args.EnergyWh == 0 || args.AskingPrice.IsZero || !Enum.IsDefined(args.Direction))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "An offer needs slots within the day (0–95), energy above zero, an asking price above zero and a direction.");
        }

        long id = await CountAsync(state, OfferCounterKey) + 1;
        var terms = new OfferTerms(seller.Address, args.DeliveryDate, args.StartSlot, args.SlotCount, args.Location, args.Direction, args.EnergyWh);
        var offer = new FlexibilityOffer(id, phase.Round, terms, args.AskingPrice, args.Penalty, OfferStatus.Open, Address.Zero, UInt256.Zero, 0);
        await state.PutAsync(OfferKey(id), offer, Json.FlexibilityOffer);
        await state.Context.PutStateAsync(OfferCounterKey, Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)));
        state.Emit("OfferMade", offer, Json.FlexibilityOffer);
        return Serialize(new OfferCreated(id), Json.OfferCreated);
    }

    private async Task<string?> BidAsync(ChaincodeState state, BidArgs args)
    {
        MarketParticipant bidder = await CallerAsync(state, MarketRole.Verifier, MarketRole.Dso);
        FlexibilityOffer offer = await OfferAsync(state, args.OfferId);
        RequireStage(state, MarketStage.Bidding, offer.Round);
        if (args.Price < offer.AskingPrice)
        {
            throw new ChaincodeException(FlexErrorCodes.BidTooLow, $"Offer {offer.OfferId} asks at least {offer.AskingPrice}, not {args.Price}.");
        }

        // The highest bid wins; of equal bids, the earlier.
        FlexibilityOffer updated = args.Price > offer.BestPrice || offer.Bids == 0
            ? offer with { BestBidder = bidder.Address, BestPrice = args.Price, Bids = offer.Bids + 1 }
            : offer with { Bids = offer.Bids + 1 };
        await state.PutAsync(OfferKey(offer.OfferId), updated, Json.FlexibilityOffer);
        state.Emit("BidPlaced", args, Json.BidArgs);
        return null;
    }

    private async Task<string?> CreateContractAsync(ChaincodeState state, long offerId)
    {
        MarketParticipant seller = await CallerAsync(state, MarketRole.FleetOperator);
        FlexibilityOffer offer = await OfferAsync(state, offerId);
        if (offer.Terms.FleetOperator != seller.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the fleet operator of offer {offerId} confirms its result.");
        }

        RequireStage(state, MarketStage.ContractCreation, offer.Round);
        if (offer.Status != OfferStatus.Open)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Offer {offerId} is already {offer.Status}.");
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
        DateTimeOffset deadline = offer.Terms.Window().End + _options.PenaltyGrace;
        var contract = new PaymentContract(offerId, offer.BestBidder, seller.Address, escrow, offer.BestPrice, offer.Penalty, UInt256.Zero, UInt256.Zero, 0, deadline, false);
        await state.PutAsync(ContractKey(offerId), contract, Json.PaymentContract);
        await state.PutAsync(OfferKey(offerId), offer with { Status = OfferStatus.Contracted }, Json.FlexibilityOffer);
        state.Emit("ContractCreated", contract, Json.PaymentContract);
        return null;
    }

    private static async Task SpendApprovedAsync(ChaincodeState state, Address owner, Address to, UInt256 amount)
    {
        if (amount.IsZero)
        {
            return;
        }

        UInt256 allowance = await AmountAsync(state, AllowanceKey(owner, PlatformAddress));
        if (allowance < amount)
        {
            throw new ChaincodeException(FlexErrorCodes.InsufficientAllowance, $"{owner} approved the platform for {allowance}, not {amount}.");
        }

        if (allowance != UInt256.MaxValue)
        {
            await SetAmountAsync(state, AllowanceKey(owner, PlatformAddress), allowance - amount);
        }

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
