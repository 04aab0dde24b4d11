using System.Numerics;

namespace ValueChain.Ledger.Ethereum.Tests;

public sealed class AbiCodecTests
{
    private static string Words(params string[] words) => "0x" + string.Concat(words.Select(w => w.PadLeft(64, '0')));

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint256", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    public void An_integer_outside_its_type_is_refused(string type, int value)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [new BigInteger(value)]));

        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_value_shapes_are_refused_with_the_path_of_the_value()
    {
        AbiType[] types = [AbiType.Parse("(uint8,bytes4)[]")];

        var error = Assert.Throws<ValueChainFormatException>(() =>
            AbiEncoder.Encode(types, [new object[] { new object[] { 1, new byte[] { 1, 2, 3 } } }]));

        Assert.Equal("arguments[0][0][1]", error.ParameterName);
        Assert.Throws<ValueChainFormatException>(() => AbiEncoder.Encode(types, []));
    }

    [Theory]
    [InlineData("bool", "2")] // only 0 and 1 are bools
    [InlineData("address", "01" + "0000000000000000000000000000000000000000")] // dirty upper bytes
    [InlineData("uint8", "100")] // does not fit uint8
    [InlineData("bytes", "7fffffff")] // an offset far beyond the data
    public void Malformed_data_is_refused(string type, string word)
    {
        Assert.Throws<ValueChainFormatException>(() => AbiDecoder.Decode([AbiType.Parse(type)], Hex.Decode(Words(word))));
    }

    [Fact]
    public void A_huge_array_length_is_refused_before_anything_is_allocated()
    {
        byte[] data = Hex.Decode(Words("20", "7fffffff"));

        var error = Assert.Throws<ValueChainFormatException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[]")], data));

        Assert.Contains("does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_data_is_refused()
    {
        byte[] data = AbiEncoder.Encode([AbiType.Parse("string")], ["hello"]);

        Assert.Throws<ValueChainFormatException>(() => AbiDecoder.Decode([AbiType.Parse("string")], data.AsSpan(0, 64)));
    }

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("uint256[0]")]
    [InlineData("(uint256")]
    [InlineData("[]")]
    [InlineData("mapping")]
    public void Invalid_types_are_refused(string text)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => AbiType.Parse(text));

        Assert.Equal(text, error.Input);
    }

    [Fact]
    public void Uint_alone_means_uint256_and_call_data_starts_with_the_selector()
    {
        Assert.Equal("uint256", AbiType.Parse("uint").ToString());

        byte[] call = AbiEncoder.EncodeCall("transfer(address,uint256)", [AbiType.Parse("address"), AbiType.Parse("uint")], [Address.Zero, 1]);

        Assert.Equal("0xa9059cbb", Hex.Encode(call.AsSpan(0, 4)));
        Assert.Equal(4 + 64, call.Length);
    }
}
