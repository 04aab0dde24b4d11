using System.Text.Json.Nodes;
using CsCheck;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;

namespace ValueChain.Ledger.Ethereum.Interop.Tests;

/// <summary>
/// EIP-712 signatures cross between ValueChain and Nethereum 6.1 both ways, on random messages of a
/// typed-data shape with nested structs, a struct array, strings, bytes, bytes32, signed and unsigned
/// integers, bool and address: the same digest, and each side recovers the other's signer.
/// </summary>
public sealed class Eip712InteropTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 0, 40];

    private static readonly Gen<JsonObject> Person = Gen.Select(Text, InteropGen.Address)
        .Select((name, wallet) => new JsonObject { ["name"] = name, ["wallet"] = wallet.ToString() });

    private static readonly Gen<string> TypedData = Gen.Select(
            Gen.Select(Gen.ULong[1, 1_000_000], InteropGen.Address, Person, Person.Array[0, 3]),
            Gen.Select(Text, InteropGen.Wei, Gen.Long, Gen.Bool),
            Gen.Select(Gen.Byte.Array[0, 80], Gen.Byte.Array[32]))
        .Select((head, body, bytes) => new JsonObject
        {
            ["types"] = new JsonObject
            {
                ["EIP712Domain"] = Fields(("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address")),
                ["Person"] = Fields(("name", "string"), ("wallet", "address")),
                ["Mail"] = Fields(("from", "Person"), ("to", "Person[]"), ("contents", "string"), ("amount", "uint256"), ("delta", "int64"), ("urgent", "bool"), ("payload", "bytes"), ("reference", "bytes32")),
            },
            ["primaryType"] = "Mail",
            ["domain"] = new JsonObject { ["name"] = "ValueChain.Interop", ["version"] = "1", ["chainId"] = head.Item1, ["verifyingContract"] = head.Item2.ToString() },
            ["message"] = new JsonObject
            {
                ["from"] = head.Item3,
                ["to"] = new JsonArray([.. head.Item4]),
                ["contents"] = body.Item1,
                ["amount"] = body.Item2.ToString(),
                ["delta"] = body.Item3,
                ["urgent"] = body.Item4,
                ["payload"] = Hex.Encode(bytes.Item1),
                ["reference"] = Hex.Encode(bytes.Item2),
            },
        }.ToJsonString());

    [Fact]
    public void Both_compute_the_same_digest() =>
        TypedData.Sample(json => Assert.Equal(
            Hex.Encode(Eip712TypedData.FromJson(json).Digest().ToArray()),
            Hex.Encode(Sha3Keccack.Current.CalculateHash(Eip712TypedDataSigner.Current.EncodeTypedData(json)))));

    [Fact]
    public void Nethereum_recovers_the_signer_of_our_signatures() =>
        Gen.Select(InteropGen.Key, TypedData).Sample((key, json) =>
        {
            RecoverableSignature ours = Eip712.Sign(key, Eip712TypedData.FromJson(json));
            string recovered = Eip712TypedDataSigner.Current.RecoverFromSignatureV4(Eip712TypedDataSigner.Current.EncodeTypedData(json), ours.ToString());
            Assert.Equal(key.Address, Address.Parse(recovered));
        });

    [Fact]
    public void We_recover_the_signer_of_Nethereum_signatures() =>
        Gen.Select(InteropGen.Key, TypedData).Sample((key, json) =>
        {
            string theirs = Eip712TypedDataSigner.Current.SignTypedDataV4(json, new EthECKey(key.ToBytes(), isPrivate: true));
            Assert.Equal(key.Address, Eip712.RecoverSigner(Eip712TypedData.FromJson(json), RecoverableSignature.Parse(theirs)));
        });

    private static JsonArray Fields(params (string Name, string Type)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
}
