using System.Numerics;
using CsCheck;

namespace ValueChain.Abstractions.Tests;

public sealed class PrimitiveTests
{
    [Theory]
    [InlineData("0x0", "odd number of digits")]
    [InlineData("0xzz", "'z' at position 0")]
    [InlineData("12 4", "' ' at position 2")]
    public void Malformed_hex_is_a_typed_error_naming_the_input(string text, string reason)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => Hex.Decode(text, "payload"));

        Assert.Equal("payload", error.ParameterName);
        Assert.Equal(text, error.Input);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hex_round_trips_any_bytes_with_or_without_prefix()
    {
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes)));
            Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes, prefix: false).ToUpperInvariant()));
        });
    }

    [Fact]
    public void Hash32_round_trips_and_orders_as_big_endian()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32]).Sample((a, b) =>
        {
            var x = new Hash32(a);
            Assert.Equal(x, Hash32.Parse(x.ToString()));
            Assert.True(Hash32.TryParse(x.ToString()[2..], out Hash32 y) && y == x);
            Assert.Equal(Math.Sign(a.AsSpan().SequenceCompareTo(b)), Math.Sign(x.CompareTo(new Hash32(b))));
        });
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000000000")]
    public void Hash32_of_the_wrong_length_names_the_input(string text)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => Hash32.Parse(text));

        Assert.Equal(text, error.Input);
        Assert.False(Hash32.TryParse(text, out _));
    }

    [Fact]
    public void TxId_parse_error_names_transaction_id()
    {
        var error = Assert.Throws<ValueChainFormatException>(() => TxId.Parse("0xabc"));

        Assert.Equal("transaction id", error.ParameterName);
    }

    [Fact]
    public void UInt256_arithmetic_is_checked_like_solidity()
    {
        Assert.Throws<OverflowException>(() => UInt256.MaxValue + 1);
        Assert.Throws<OverflowException>(() => UInt256.Zero - 1);
        Assert.Throws<OverflowException>(() => new UInt256(-1));
        Assert.Equal(new UInt256(7), (UInt256)22 / 3);
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("0x" + new string('f', 64)));
        Assert.Equal(UInt256.MaxValue, UInt256.FromBigEndian(UInt256.MaxValue.ToBigEndian()));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    public void UInt256_parse_errors_name_the_input(string text)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => UInt256.Parse(text));

        Assert.Equal(text, error.Input);
    }

    [Fact]
    public void UInt256_round_trips_through_text_and_bytes()
    {
        Gen.Byte.Array[32].Sample(bytes =>
        {
            UInt256 value = UInt256.FromBigEndian(bytes);
            Assert.Equal(value, UInt256.Parse(value.ToString()));
            Assert.Equal(bytes, value.ToBigEndian());
            Assert.Equal(new BigInteger(bytes, isUnsigned: true, isBigEndian: true), value.Value);
        });
    }

    [Fact]
    public void GeoPoint_distance_matches_known_great_circle_distances()
    {
        // One degree of longitude on the equator is 2πR/360 on the mean-radius sphere.
        double oneDegree = 2 * Math.PI * 6_371_008.8 / 360;
        Assert.Equal(oneDegree, new GeoPoint(0, 0).DistanceTo(new GeoPoint(0, 1_000_000)), 3);
        // Munich (48.137154, 11.576124) to Stuttgart (48.775846, 9.182932): about 190.6 km.
        double munichStuttgart = GeoPoint.FromDegrees(48.137154, 11.576124).DistanceTo(GeoPoint.FromDegrees(48.775846, 9.182932));
        Assert.InRange(munichStuttgart, 190_000, 191_500);
        Assert.Equal(0, new GeoPoint(1, 1).DistanceTo(new GeoPoint(1, 1)));
    }

    [Theory]
    [InlineData(90_000_001, 0, "latitude")]
    [InlineData(-90_000_001, 0, "latitude")]
    [InlineData(0, 180_000_001, "longitude")]
    public void GeoPoint_out_of_range_names_the_coordinate(long lat, long lon, string name)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => new GeoPoint(lat, lon));

        Assert.Equal(name, error.ParameterName);
    }
}
