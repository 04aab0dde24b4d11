using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Vectors;

public sealed class Eip712VectorTests
{
    private const string File = "ethereum/eip712.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Hashes_match_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        Eip712TypedData data = Eip712TypedData.FromJson(entry);

        Assert.Equal(entry["encodedType"]!.GetValue<string>(), Eip712.EncodeType(data.Types, data.PrimaryType));
        Assert.Equal(entry["domainSeparator"]!.GetValue<string>(), data.DomainSeparator().ToString());
        Assert.Equal(entry["structHash"]!.GetValue<string>(), data.StructHash().ToString());
        Assert.Equal(entry["digest"]!.GetValue<string>(), data.Digest().ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Signature_matches_vector_and_recovers_the_signer(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        Eip712TypedData data = Eip712TypedData.FromJson(entry);
        PrivateKey key = PrivateKey.Parse(entry["privateKey"]!.GetValue<string>());

        RecoverableSignature signature = Eip712.Sign(key, data);

        Assert.Equal(entry["signature"]!.GetValue<string>(), signature.ToString());
        Assert.Equal(entry["signer"]!.GetValue<string>(), Eip712.RecoverSigner(data, signature).ToString());
    }

    [Fact]
    public void A_changed_message_field_changes_the_recovered_signer()
    {
        JsonObject entry = VectorFile.Entries(File)[0];
        Eip712TypedData data = Eip712TypedData.FromJson(entry);
        var signature = RecoverableSignature.Parse(entry["signature"]!.GetValue<string>());
        var tampered = (JsonObject)data.Message.DeepClone();
        tampered["energyWh"] = tampered["energyWh"]!.GetValue<long>() + 1;

        Address recovered = Eip712.RecoverSigner(data with { Message = tampered }, signature);

        Assert.NotEqual(entry["signer"]!.GetValue<string>(), recovered.ToString());
    }

    [Fact]
    public void A_value_out_of_its_type_range_is_a_typed_error_naming_the_field()
    {
        JsonObject entry = VectorFile.Entries(File)[0];
        Eip712TypedData data = Eip712TypedData.FromJson(entry);
        var tampered = (JsonObject)data.Message.DeepClone();
        tampered["startSlot"] = 70000; // uint16

        var error = Assert.Throws<ValueChainFormatException>(() => (data with { Message = tampered }).StructHash());

        Assert.Equal("Record.startSlot", error.ParameterName);
        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
    }

    [Fact]
    public void Fixed_arrays_nested_arrays_and_signed_integers_follow_the_encoding_rules()
    {
        // encodeData of T[k] and T[][] is the hash of the concatenated element encodings; int is two's complement.
        var types = new Dictionary<string, IReadOnlyList<Eip712Field>>
        {
            ["Grid"] = [new("cells", "int8[2][]"), new("flag", "bool")],
        };
        var value = new JsonObject { ["cells"] = new JsonArray(new JsonArray(-1, 2), new JsonArray(3, -128)), ["flag"] = true };

        byte[] Word(long v) => new UInt256(v < 0 ? (System.Numerics.BigInteger.One << 256) + v : v).ToBigEndian();
        Hash32 row1 = Keccak256.Hash([.. Word(-1), .. Word(2)]);
        Hash32 row2 = Keccak256.Hash([.. Word(3), .. Word(-128)]);
        Hash32 cells = Keccak256.Hash([.. row1.ToArray(), .. row2.ToArray()]);
        Hash32 typeHash = Keccak256.Hash("Grid(int8[2][] cells,bool flag)"u8);
        Hash32 expected = Keccak256.Hash([.. typeHash.ToArray(), .. cells.ToArray(), .. Word(1)]);

        Assert.Equal(expected, Eip712.HashStruct(types, "Grid", value));
        value["cells"]!.AsArray().Add(new JsonArray(1));
        Assert.Throws<ValueChainFormatException>(() => Eip712.HashStruct(types, "Grid", value));
    }
}
