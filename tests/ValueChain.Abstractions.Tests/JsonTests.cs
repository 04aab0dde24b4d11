using System.Text.Json;

namespace ValueChain.Abstractions.Tests;

public sealed class JsonTests
{
    private sealed record Carrier(Address Address, Hash32 Hash, TxId Transaction, GeoPoint Point);

    [Fact]
    public void Primitives_round_trip_through_json_in_their_text_forms()
    {
        var value = new Carrier(
            Address.Parse("0x5A99A58bF7be803BE16246E4fee16ECffa1c0194"),
            Keccak256.Hash("h"u8),
            new TxId(Keccak256.Hash("t"u8)),
            new GeoPoint(48_137_154, -11_576_124));

        string json = JsonSerializer.Serialize(value);

        Assert.Contains("\"0x5A99A58bF7be803BE16246E4fee16ECffa1c0194\"", json, StringComparison.Ordinal);
        Assert.Contains("\"LatitudeMicrodegrees\":48137154", json, StringComparison.Ordinal);
        Assert.Equal(value, JsonSerializer.Deserialize<Carrier>(json));
    }

    [Fact]
    public void UInt256_travels_as_a_decimal_string_and_reads_numbers_too()
    {
        Assert.Equal("\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"", JsonSerializer.Serialize(UInt256.MaxValue));
        Assert.Equal(new UInt256(42), JsonSerializer.Deserialize<UInt256>("42"));
        Assert.Throws<ValueChainFormatException>(() => JsonSerializer.Deserialize<UInt256>("\"-1\""));
    }

    [Fact]
    public void A_malformed_address_in_json_is_a_typed_error_naming_it()
    {
        var error = Assert.Throws<ValueChainFormatException>(() => JsonSerializer.Deserialize<Address>("\"0x1234\""));

        Assert.Equal("0x1234", error.Input);
    }
}
