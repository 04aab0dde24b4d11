using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests.Vectors;

public sealed class AbiVectorTests
{
    private const string File = "ethereum/abi.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Encoding_matches_vector(int index)
    {
        (AbiType[] types, object[] values, string encoded) = Read(index);

        Assert.Equal(encoded, Hex.Encode(AbiEncoder.Encode(types, values)));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Decoding_the_vector_gives_back_the_values(int index)
    {
        (AbiType[] types, object[] values, string encoded) = Read(index);

        object[] decoded = AbiDecoder.Decode(types, Hex.Decode(encoded));

        Assert.Equal(Normalize(values), Normalize(decoded));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Types_print_in_canonical_form(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];

        foreach (JsonNode? type in entry["types"]!.AsArray())
        {
            Assert.Equal(type!.GetValue<string>(), AbiType.Parse(type.GetValue<string>()).ToString());
        }
    }

    private static (AbiType[] Types, object[] Values, string Encoded) Read(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        AbiType[] types = [.. entry["types"]!.AsArray().Select(t => AbiType.Parse(t!.GetValue<string>()))];
        JsonArray values = entry["values"]!.AsArray();
        return (types, [.. types.Select((t, i) => ToValue(t, values[i]!))], entry["encoded"]!.GetValue<string>());
    }

    // The vector's JSON form (README: integers as numbers or decimal strings, bytes as hex, lists for tuples and arrays).
    private static object ToValue(AbiType type, JsonNode node) => type.Kind switch
    {
        AbiKind.UnsignedInteger or AbiKind.SignedInteger => BigInteger.Parse(
            node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString(), CultureInfo.InvariantCulture),
        AbiKind.Bool => node.GetValue<bool>(),
        AbiKind.Address => Address.Parse(node.GetValue<string>()),
        AbiKind.FixedBytes or AbiKind.Bytes => Hex.Decode(node.GetValue<string>()),
        AbiKind.Text => node.GetValue<string>(),
        AbiKind.Tuple => node.AsArray().Select((item, i) => ToValue(type.Components[i], item!)).ToArray(),
        _ => node.AsArray().Select(item => ToValue(type.Element!, item!)).ToArray(),
    };

    private static string Normalize(object value) => value switch
    {
        byte[] bytes => Hex.Encode(bytes),
        object[] items => $"[{string.Join(',', items.Select(Normalize))}]",
        BigInteger integer => integer.ToString(CultureInfo.InvariantCulture),
        string text => JsonSerializer.Serialize(text),
        _ => $"{value.GetType().Name}:{value}",
    };
}
