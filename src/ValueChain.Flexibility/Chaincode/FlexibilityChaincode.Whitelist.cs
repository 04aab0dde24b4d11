using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexibilityChaincode
{
    private static string ParticipantKey(Address a) => ChaincodeState.Key("participant", a.ToLowerHex());

    private static string MeterKey(Address meter) => ChaincodeState.Key("meter", meter.ToLowerHex());

    private async Task<MarketParticipant?> ParticipantAsync(ChaincodeState state, Address address) =>
        await state.GetAsync(ParticipantKey(address), Json.MarketParticipant)
        ?? (await state.ExistsAsync(ChaincodeState.Key("removed", address.ToLowerHex())) ? null : _genesis.GetValueOrDefault(address));

    /// <summary>The caller as a whitelisted participant with one of <paramref name="roles"/> (any when none are given).</summary>
    private async Task<MarketParticipant> CallerAsync(ChaincodeState state, params MarketRole[] roles)
    {
        Address caller = state.Context.Caller;
        MarketParticipant participant = await ParticipantAsync(state, caller)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{caller} is not on the market's whitelist.");
        return roles.Length == 0 || roles.Contains(participant.Role)
            ? participant
            : throw new ChaincodeException(ErrorCodes.Unauthorized, $"{participant.Name} is a {participant.Role}; this needs {string.Join(" or ", roles)}.");
    }

    private async Task<string?> AddParticipantAsync(ChaincodeState state, ParticipantArgs args)
    {
        await CallerAsync(state, MarketRole.Verifier);
        if (args.Address.IsZero || string.IsNullOrWhiteSpace(args.Name) || !Enum.IsDefined(args.Role))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A participant needs a non-zero address, a name and a role (Verifier, Dso or FleetOperator).");
        }

        if (await ParticipantAsync(state, args.Address) is not null)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Address} is already whitelisted.");
        }

        var participant = new MarketParticipant(args.Address, args.Role, args.Name);
        await state.PutAsync(ParticipantKey(args.Address), participant, Json.MarketParticipant);
        await state.DeleteAsync(ChaincodeState.Key("removed", args.Address.ToLowerHex()));
        state.Emit("ParticipantAdded", participant, Json.MarketParticipant);
        return null;
    }

    private async Task<string?> RemoveParticipantAsync(ChaincodeState state, Address address)
    {
        MarketParticipant verifier = await CallerAsync(state, MarketRole.Verifier);
        if (address == verifier.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "A verifier cannot remove itself, so that the whitelist always keeps a verifier.");
        }

        MarketParticipant participant = await ParticipantAsync(state, address)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{address} is not whitelisted.");
        await state.DeleteAsync(ParticipantKey(address));
        await state.MarkAsync(ChaincodeState.Key("removed", address.ToLowerHex())); // also removes a genesis verifier
        state.Emit("ParticipantRemoved", participant, Json.MarketParticipant);
        return null;
    }

    private async Task<string?> AddMeterAsync(ChaincodeState state, MeterArgs args)
    {
        await CallerAsync(state, MarketRole.Verifier);
        WhitelistedMeter meter = (args.Address, args.P256PublicKey) switch
        {
            ({ } address, null) when !address.IsZero => new WhitelistedMeter(address, null, args.Location),
            (null, { } key) => P256Meter(Hex.Decode(key, "P-256 public key"), args.Location),
            _ => throw new ChaincodeException(ErrorCodes.InvalidFormat, "A meter is added by its address (EIP-712 records) or by its P-256 public key (OCMF records), not both."),
        };
        if (await state.ExistsAsync(MeterKey(meter.MeterId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Meter {meter.MeterId} is already whitelisted.");
        }

        await state.PutAsync(MeterKey(meter.MeterId), meter, Json.WhitelistedMeter);
        state.Emit("MeterAdded", meter, Json.WhitelistedMeter);
        return null;
    }

    private static WhitelistedMeter P256Meter(byte[] key, Hash32? location) =>
        location is null
            ? throw new ChaincodeException(ErrorCodes.InvalidFormat, "An OCMF meter needs its location: its records carry none.")
            : new WhitelistedMeter(MeterIds.ForP256(key), Hex.Encode(key), location);

    private async Task<string?> RemoveMeterAsync(ChaincodeState state, Address meterId)
    {
        await CallerAsync(state, MarketRole.Verifier);
        WhitelistedMeter meter = await state.GetAsync(MeterKey(meterId), Json.WhitelistedMeter)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Meter {meterId} is not whitelisted.");
        await state.DeleteAsync(MeterKey(meterId));
        state.Emit("MeterRemoved", meter, Json.WhitelistedMeter);
        return null;
    }
}
