namespace ValueChain.Flexibility;

/// <summary>What a fleet operator offers: delivery next day in whole 15-minute slots.</summary>
/// <param name="DeliveryDate">The delivery day: the day after the offer (day-ahead).</param>
/// <param name="StartSlot">The first slot (0–95).</param>
/// <param name="SlotCount">How many slots.</param>
/// <param name="Location">The location id's hash (<see cref="OfferTerms.LocationHash"/>).</param>
/// <param name="Direction">Positive or negative.</param>
/// <param name="EnergyWh">The energy, in watt-hours.</param>
/// <param name="AskingPrice">The lowest acceptable bid, in token base units.</param>
/// <param name="Penalty">The stake the fleet operator loses for energy it does not deliver.</param>
public sealed record OfferRequest(DateOnly DeliveryDate, int StartSlot, int SlotCount, Hash32 Location, FlexibilityDirection Direction, ulong EnergyWh, UInt256 AskingPrice, UInt256 Penalty)
{
    /// <summary>
    /// The hash commitment to this offer for committed-offer markets: Keccak-256 of the ABI encoding
    /// (32-byte words) of delivery date (days since 1970-01-01), start slot, slot count, location,
    /// direction, energy, asking price, penalty and <paramref name="salt"/>, as
    /// <c>keccak256(abi.encode(...))</c> computes it in Solidity.
    /// </summary>
    public Hash32 Commit(Hash32 salt)
    {
        byte[] words = new byte[32 * 9];
        void Word(int index, ulong value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(words.AsSpan(32 * index + 24, 8), value);
        Word(0, (ulong)(DeliveryDate.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber));
        Word(1, (ulong)StartSlot);
        Word(2, (ulong)SlotCount);
        Location.WriteTo(words.AsSpan(32 * 3, 32));
        Word(4, (ulong)Direction);
        Word(5, EnergyWh);
        AskingPrice.WriteBigEndian(words.AsSpan(32 * 6, 32));
        Penalty.WriteBigEndian(words.AsSpan(32 * 7, 32));
        salt.WriteTo(words.AsSpan(32 * 8, 32));
        return Keccak256.Hash(words);
    }
}
