using System.Text.Json.Nodes;
using ValueChain.Cryptography;

namespace ValueChain.Flexibility;

/// <summary>
/// An energy transfer record as EIP-712 typed data, signed by a smart meter's secp256k1 key:
/// <c>Record(address fleetOperator,uint32 deliveryDate,uint16 startSlot,bytes32 location,uint8 direction,uint64 energyWh,uint256 nonce,uint64 readingTime)</c>
/// in the domain <c>ValueChain.Flexibility</c> version 1 of the verifying contract.
/// </summary>
/// <param name="FleetOperator">The FO the energy was delivered for.</param>
/// <param name="DeliveryDate">The delivery day (encoded as days since 1970-01-01).</param>
/// <param name="StartSlot">The 15-minute slot of the day (0–95).</param>
/// <param name="Location">The location id's hash.</param>
/// <param name="Direction">Positive or negative flexibility.</param>
/// <param name="EnergyWh">The energy transferred, in watt-hours.</param>
/// <param name="Nonce">The meter's nonce; never used twice on a market.</param>
/// <param name="ReadingTime">When the meter read the value (encoded as Unix seconds).</param>
public sealed record EnergyTransferRecord(Address FleetOperator, DateOnly DeliveryDate, int StartSlot, Hash32 Location, FlexibilityDirection Direction, ulong EnergyWh, UInt256 Nonce, DateTimeOffset ReadingTime)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> Types = new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        ["Record"] =
        [
            new("fleetOperator", "address"), new("deliveryDate", "uint32"), new("startSlot", "uint16"), new("location", "bytes32"),
            new("direction", "uint8"), new("energyWh", "uint64"), new("nonce", "uint256"), new("readingTime", "uint64"),
        ],
    };

    /// <summary>The record as EIP-712 typed data in the domain of <paramref name="verifyingContract"/> on <paramref name="chainId"/>.</summary>
    public Eip712TypedData ToTypedData(ulong chainId, Address verifyingContract) => new(
        new Eip712Domain { Name = "ValueChain.Flexibility", Version = "1", ChainId = chainId, VerifyingContract = verifyingContract },
        Types,
        "Record",
        new JsonObject
        {
            ["fleetOperator"] = FleetOperator.ToString(),
            ["deliveryDate"] = DeliveryDate.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber,
            ["startSlot"] = StartSlot,
            ["location"] = Location.ToString(),
            ["direction"] = (byte)Direction,
            ["energyWh"] = EnergyWh,
            ["nonce"] = Nonce.ToString(),
            ["readingTime"] = ReadingTime.ToUnixTimeSeconds(),
        });

    /// <summary>The digest a meter signs.</summary>
    public Hash32 Digest(ulong chainId, Address verifyingContract) => ToTypedData(chainId, verifyingContract).Digest();
}
