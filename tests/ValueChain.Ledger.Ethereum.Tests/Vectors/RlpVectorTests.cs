using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests.Vectors;

public sealed class RlpVectorTests
{
    private const string File = "ethereum/rlp.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Encoding_matches_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];

        byte[] encoded = Rlp.Encode(ToItem(entry["decoded"]!));

        Assert.Equal(entry["encoded"]!.GetValue<string>(), Hex.Encode(encoded));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Decoding_the_vector_gives_back_the_item(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];

        RlpItem decoded = Rlp.Decode(Hex.Decode(entry["encoded"]!.GetValue<string>()));

        Assert.Equal(entry["decoded"]!.ToJsonString(), ToJson(decoded).ToJsonString());
    }

    // Non-canonical encodings that geth rejects; accepting them would let two byte strings mean one value.
    [Theory]
    [InlineData("0x8100")] // a single byte below 0x80 written with a prefix
    [InlineData("0xb800")] // a short length in the long form
    [InlineData("0xb90001")] // a length with a leading zero
    [InlineData("0x83aabb")] // a string longer than the data
    [InlineData("0xc3aabb")] // a list longer than the data
    [InlineData("0x8080")] // a trailing byte
    [InlineData("0x")] // nothing at all
    public void Malformed_encodings_are_rejected(string hex)
    {
        Assert.Throws<ValueChainFormatException>(() => Rlp.Decode(Hex.Decode(hex)));
    }

    [Fact]
    public void A_single_byte_of_0x80_or_above_keeps_its_prefix()
    {
        Assert.Equal([0x80], Rlp.Decode(Hex.Decode("0x8180")).Bytes!);
        Assert.Equal("0x8180", Hex.Encode(Rlp.Encode(RlpItem.Of([0x80]))));
    }

    private static RlpItem ToItem(JsonNode node) => node is JsonArray array
        ? RlpItem.List(array.Select(child => ToItem(child!)))
        : RlpItem.Of(Hex.Decode(node.GetValue<string>()));

    private static JsonNode ToJson(RlpItem item) => item.IsList
        ? new JsonArray([.. item.Items!.Select(ToJson)])
        : JsonValue.Create(Hex.Encode(item.Bytes!));
}
