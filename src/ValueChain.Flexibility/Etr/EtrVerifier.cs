using ValueChain.Cryptography;

namespace ValueChain.Flexibility;

/// <summary>
/// Checks an EIP-712 energy transfer record exactly as the payment contract does, in the spec's order:
/// caller is the offer's FO; recover the signer as <c>ecrecover</c> does; signer whitelisted; nonce
/// unused; date, start slot, location, direction and FO equal the offer's. Reports the first failure.
/// </summary>
public sealed class EtrVerifier
{
    private readonly ulong _chainId;
    private readonly Address _paymentContract;

    /// <summary>Creates a verifier for records addressed to <paramref name="paymentContract"/> on <paramref name="chainId"/>.</summary>
    public EtrVerifier(ulong chainId, Address paymentContract)
    {
        _chainId = chainId;
        _paymentContract = paymentContract;
    }

    /// <summary>Checks <paramref name="record"/> with <paramref name="signature"/> submitted by <paramref name="caller"/> for <paramref name="offer"/>.</summary>
    public EtrVerification Verify(Address caller, OfferTerms offer, EnergyTransferRecord record, RecoverableSignature signature, IMeterWhitelist whitelist)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(whitelist);
        if (caller != offer.FleetOperator)
        {
            return new(EtrRejection.NotFleetOperator, Address.Zero, 0);
        }

        // The ecrecover precompile's rules: a malformed signature recovers nothing.
        if (!Secp256k1.TryRecoverAddress(record.Digest(_chainId, _paymentContract), signature, RecoveryMode.Precompile, out Address meter))
        {
            return new(EtrRejection.InvalidSignature, Address.Zero, 0);
        }

        EtrRejection? rejection = !whitelist.IsWhitelisted(meter) ? EtrRejection.MeterNotWhitelisted
            : whitelist.IsNonceUsed(meter, record.Nonce) ? EtrRejection.NonceReplayed
            : record.DeliveryDate != offer.DeliveryDate ? EtrRejection.DeliveryDateMismatch
            : record.StartSlot != offer.StartSlot ? EtrRejection.StartSlotMismatch
            : record.Location != offer.Location ? EtrRejection.LocationMismatch
            : record.Direction != offer.Direction ? EtrRejection.DirectionMismatch
            : record.FleetOperator != offer.FleetOperator ? EtrRejection.FleetOperatorMismatch
            : null;
        return new(rejection, meter, rejection is null ? record.EnergyWh : 0);
    }
}
