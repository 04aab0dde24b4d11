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
    public async Task<EtrVerification> VerifyAsync(Address caller, OfferTerms offer, EnergyTransferRecord record, RecoverableSignature signature, IMeterWhitelist whitelist)
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

        EtrRejection? rejection = !await whitelist.IsWhitelistedAsync(meter) ? EtrRejection.MeterNotWhitelisted
            : await whitelist.IsNonceUsedAsync(meter, record.Nonce) ? EtrRejection.NonceReplayed
            : record.DeliveryDate != offer.DeliveryDate ? EtrRejection.DeliveryDateMismatch
            : record.StartSlot != offer.StartSlot ? EtrRejection.StartSlotMismatch
            : record.Location != offer.Location ? EtrRejection.LocationMismatch
            : record.Direction != offer.Direction ? EtrRejection.DirectionMismatch
            : record.FleetOperator != offer.FleetOperator ? EtrRejection.FleetOperatorMismatch
            : null;
        return new(rejection, meter, rejection is null ? record.EnergyWh : 0);
    }

    /// <summary>
    /// Checks an OCMF record submitted with the meter's P-256 key, in the same order. There is no
    /// recovery: the signature must verify with the given key, whose id must be whitelisted. The
    /// pagination counter is the nonce; the begin reading's time gives the date and slot; the
    /// meter's whitelisted location gives the location; the OBIS register gives the direction
    /// (import 1.8.x positive, export 2.8.x negative); the caller is the fleet operator.
    /// </summary>
    public static async Task<EtrVerification> VerifyOcmfAsync(Address caller, OfferTerms offer, OcmfRecord record, byte[] meterPublicKey, IMeterWhitelist whitelist)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(meterPublicKey);
        ArgumentNullException.ThrowIfNull(whitelist);
        if (caller != offer.FleetOperator)
        {
            return new(EtrRejection.NotFleetOperator, Address.Zero, 0);
        }

        if (meterPublicKey.Length != 65 || !record.IsSignedBy(meterPublicKey))
        {
            return new(EtrRejection.InvalidSignature, Address.Zero, 0);
        }

        Address meter = MeterIds.ForP256(meterPublicKey);
        DateTimeOffset start = record.StartTime.ToUniversalTime();
        int slot = (start.Hour * 60 + start.Minute) / 15;
        EtrRejection? rejection = !await whitelist.IsWhitelistedAsync(meter) ? EtrRejection.MeterNotWhitelisted
            : await whitelist.IsNonceUsedAsync(meter, record.Nonce) ? EtrRejection.NonceReplayed
            : DateOnly.FromDateTime(start.UtcDateTime) != offer.DeliveryDate ? EtrRejection.DeliveryDateMismatch
            : slot != offer.StartSlot ? EtrRejection.StartSlotMismatch
            : await whitelist.LocationOfAsync(meter) != offer.Location ? EtrRejection.LocationMismatch
            : DirectionOf(record) != offer.Direction ? EtrRejection.DirectionMismatch
            : null;
        if (rejection is not null)
        {
            return new(rejection, meter, 0);
        }

        try
        {
            return new(null, meter, record.EnergyWh());
        }
        catch (ValueChainFormatException)
        {
            return new(EtrRejection.InvalidReadings, meter, 0);
        }
    }

    // OBIS C field: 1 = active energy import (+A), 2 = export (−A); "1-b:1.8.0" or "01-00:01.08.00".
    private static FlexibilityDirection? DirectionOf(OcmfRecord record)
    {
        string? obis = record.Readings.FirstOrDefault(r => r.Type == "B")?.Obis;
        string? register = obis?.Split(':').LastOrDefault()?.Split('.').FirstOrDefault()?.TrimStart('0');
        return register switch
        {
            "1" => FlexibilityDirection.Positive,
            "2" => FlexibilityDirection.Negative,
            _ => null,
        };
    }
}
