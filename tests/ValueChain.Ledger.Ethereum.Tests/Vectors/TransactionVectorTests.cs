using System.Text.Json.Nodes;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests.Vectors;

public sealed class TransactionVectorTests
{
    private const string File = "ethereum/transactions.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Unsigned_serialization_and_signing_hash_match_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        EthereumTransaction tx = ToTransaction(entry["tx"]!.AsObject());

        Assert.Equal(Text(entry, "unsignedSerialized"), Hex.Encode(tx.UnsignedSerialize()));
        Assert.Equal(Text(entry, "signingHash"), tx.SigningHash().ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Signed_serialization_and_hash_match_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        EthereumTransaction tx = ToTransaction(entry["tx"]!.AsObject());
        PrivateKey key = PrivateKey.Parse(Text(entry, "privateKey"));

        byte[] signed = tx.Sign(key);

        Assert.Equal(Address.Parse(Text(entry, "from")), key.Address);
        Assert.Equal(Text(entry, "signedSerialized"), Hex.Encode(signed));
        Assert.Equal(Text(entry, "hash"), EthereumTransaction.Hash(signed).ToString());
    }

    private static EthereumTransaction ToTransaction(JsonObject tx)
    {
        int type = tx["type"]!.GetValue<int>();
        return new EthereumTransaction
        {
            Type = type,
            ChainId = ulong.Parse(Text(tx, "chainId"), System.Globalization.CultureInfo.InvariantCulture),
            Nonce = tx["nonce"]!.GetValue<ulong>(),
            GasLimit = ulong.Parse(Text(tx, "gasLimit"), System.Globalization.CultureInfo.InvariantCulture),
            To = tx["to"] is JsonNode to ? Address.Parse(to.GetValue<string>()) : null,
            Value = UInt256.Parse(Text(tx, "value")),
            Data = Hex.Decode(Text(tx, "data")),
            GasPrice = type < 2 ? UInt256.Parse(Text(tx, "gasPrice")) : default,
            MaxPriorityFeePerGas = type == 2 ? UInt256.Parse(Text(tx, "maxPriorityFeePerGas")) : default,
            MaxFeePerGas = type == 2 ? UInt256.Parse(Text(tx, "maxFeePerGas")) : default,
            AccessList = tx["accessList"] is JsonArray list
                ? [.. list.Select(e => new AccessListEntry(
                    Address.Parse(Text(e!.AsObject(), "address")),
                    [.. e!["storageKeys"]!.AsArray().Select(k => Hash32.Parse(k!.GetValue<string>()))]))]
                : [],
        };
    }

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidDataException($"The vector has no '{name}'.");
}
