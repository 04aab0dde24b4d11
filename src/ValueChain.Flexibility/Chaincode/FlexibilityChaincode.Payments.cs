using System.Globalization;
using System.Numerics;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexibilityChaincode
{
    private static string NonceKey(Address meter, UInt256 nonce) => ChaincodeState.Key("nonce", meter.ToLowerHex(), nonce.ToString());

    /// <summary>
    /// A payment request: the record runs through <see cref="EtrVerifier"/>, the same code the SDK
    /// uses offline, over this ledger's whitelist and nonces. A failed check is stored and emitted and
    /// pays nothing; a passed one pays pro rata and releases the matching share of the penalty.
    /// </summary>
    private async Task<string?> PaymentRequestAsync(ChaincodeState state, PaymentRequestArgs args)
    {
        PaymentContract contract = await state.GetAsync(ContractKey(args.OfferId), Json.PaymentContract)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Offer {args.OfferId} has no payment contract.");
        if (contract.Settled)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The payment contract of offer {args.OfferId} is settled.");
        }

        FlexibilityOffer offer = await OfferAsync(state, args.OfferId);
        OfferTerms terms = offer.Terms!; // a contract exists only for revealed terms
        var whitelist = new LedgerWhitelist(state);
        if ((args.Record is null) == (args.Ocmf is null))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A payment request carries an EIP-712 record with its signature, or an OCMF record with its meter's key.");
        }

        EtrVerification check;
        try
        {
            check = args.Record is { } record
                ? await new EtrVerifier(_options.ChainId, contract.Escrow).VerifyAsync(state.Context.Caller, terms, record, RecoverableSignature.Parse(args.Signature ?? ""), whitelist)
                : await EtrVerifier.VerifyOcmfAsync(state.Context.Caller, terms, OcmfRecord.Parse(args.Ocmf!), Hex.Decode(args.MeterPublicKey ?? "", "meter public key"), whitelist);
        }
        catch (ValueChainException) when (state.Context.Caller == terms.FleetOperator)
        {
            // A signature or record that does not even parse is a forged one: recorded like any failed check.
            check = new EtrVerification(EtrRejection.InvalidSignature, Address.Zero, 0);
        }
        catch (ValueChainException)
        {
            check = new EtrVerification(EtrRejection.NotFleetOperator, Address.Zero, 0);
        }

        if (check.Rejection is { } reason)
        {
            var rejection = new PaymentRejection(args.OfferId, reason, state.Context.Caller, state.Context.Timestamp);
            int sequence = (await state.IdsUnderAsync("payment-rejection", args.OfferId.ToString("D12", CultureInfo.InvariantCulture))).Count;
            await state.PutAsync(ChaincodeState.Key("payment-rejection", args.OfferId.ToString("D12", CultureInfo.InvariantCulture), sequence.ToString("D6", CultureInfo.InvariantCulture)), rejection, Json.PaymentRejection);
            state.Emit("PaymentRejected", rejection, Json.PaymentRejection);
            return Serialize(new PaymentResult(rejection, UInt256.Zero, UInt256.Zero), Json.PaymentResult);
        }

        UInt256 nonce = args.Record?.Nonce ?? OcmfRecord.Parse(args.Ocmf!).Nonce;
        await state.MarkAsync(NonceKey(check.Meter, nonce));

        // Pro rata in integer arithmetic, never more than what remains.
        UInt256 pay = Share(contract.Payment, check.EnergyWh, terms.EnergyWh, contract.Payment - contract.Paid);
        UInt256 release = Share(contract.Penalty, check.EnergyWh, terms.EnergyWh, contract.Penalty - contract.PenaltyReleased);
        if (!(pay + release).IsZero)
        {
            // Nothing left to pay moves nothing (and emits no Transfer), as on Ethereum.
            await MoveAsync(state, contract.Escrow, contract.FleetOperator, pay + release);
        }
        PaymentContract updated = contract with
        {
            Paid = contract.Paid + pay,
            PenaltyReleased = contract.PenaltyReleased + release,
            DeliveredWh = checked(contract.DeliveredWh + check.EnergyWh),
        };
        await state.PutAsync(ContractKey(args.OfferId), updated, Json.PaymentContract);
        state.Emit("PaymentMade", updated, Json.PaymentContract);
        return Serialize(new PaymentResult(null, pay, release), Json.PaymentResult);
    }

    private async Task<string?> EnforcePenaltyAsync(ChaincodeState state, long offerId)
    {
        await CallerAsync(state, MarketRole.Verifier, MarketRole.Dso);
        PaymentContract contract = await state.GetAsync(ContractKey(offerId), Json.PaymentContract)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Offer {offerId} has no payment contract.");
        if (state.Context.Caller != contract.Buyer)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the buyer of offer {offerId} may enforce its penalty.");
        }

        if (contract.Settled)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The payment contract of offer {offerId} is already settled.");
        }

        if (state.Context.Timestamp < contract.Deadline)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The penalty of offer {offerId} can be enforced from {contract.Deadline:O}, not before.");
        }

        UInt256 rest = await BalanceAsync(state, contract.Escrow);
        if (!rest.IsZero)
        {
            await MoveAsync(state, contract.Escrow, contract.Buyer, rest);
        }

        PaymentContract settled = contract with { Settled = true };
        await state.PutAsync(ContractKey(offerId), settled, Json.PaymentContract);
        state.Emit("PenaltyEnforced", settled, Json.PaymentContract);
        return null;
    }

    private static UInt256 Share(UInt256 total, ulong energyWh, ulong offeredWh, UInt256 remaining)
    {
        BigInteger share = total.Value * energyWh / offeredWh;
        return share > remaining.Value ? remaining : new UInt256(share);
    }

    /// <summary>The whitelist and nonces as this ledger's state holds them.</summary>
    private sealed class LedgerWhitelist(ChaincodeState state) : IMeterWhitelist
    {
        public async ValueTask<bool> IsWhitelistedAsync(Address meter) => await state.ExistsAsync(MeterKey(meter));

        public async ValueTask<Hash32?> LocationOfAsync(Address meter) => (await state.GetAsync(MeterKey(meter), Json.WhitelistedMeter))?.Location;

        public async ValueTask<bool> IsNonceUsedAsync(Address meter, UInt256 nonce) => await state.ExistsAsync(NonceKey(meter, nonce));
    }
}
