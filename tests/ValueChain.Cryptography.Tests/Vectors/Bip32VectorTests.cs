using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Vectors;

public sealed class Bip32VectorTests
{
    private const string File = "ethereum/bip32.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Derived_key_matches_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        ExtendedKey master = ExtendedKey.FromSeed(Hex.Decode(entry["seed"]!.GetValue<string>()));

        ExtendedKey key = master.Derive(entry["path"]!.GetValue<string>());

        Assert.Equal(entry["privateKey"]!.GetValue<string>(), Hex.Encode(key.PrivateKey!.ToBytes()));
        Assert.Equal(entry["publicKeyCompressed"]!.GetValue<string>(), Hex.Encode(key.PublicKey.ToCompressed()));
        Assert.Equal(entry["chainCode"]!.GetValue<string>(), Hex.Encode(key.ChainCode));
        Assert.Equal(entry["address"]!.GetValue<string>(), key.Address.ToString());
        Assert.Equal(entry["extendedKey"]!.GetValue<string>(), key.ToExtendedPrivateKey());
        Assert.Equal(key.Address, ExtendedKey.Parse(key.ToExtendedPrivateKey()).Address);
    }

    // Test vector 1 of BIP-32 itself (seed 000102…0f).
    [Theory]
    [InlineData("m", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8")]
    [InlineData("m/0H/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs", "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ")]
    [InlineData("m/0H/1/2H/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76", "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy")]
    public void Bip32_published_vector_1(string path, string xprv, string xpub)
    {
        ExtendedKey key = ExtendedKey.FromSeed(Hex.Decode("000102030405060708090a0b0c0d0e0f")).Derive(path);

        Assert.Equal(xprv, key.ToExtendedPrivateKey());
        Assert.Equal(xpub, key.ToExtendedPublicKey());
    }

    [Fact]
    public void Normal_derivation_from_an_xpub_equals_private_derivation()
    {
        ExtendedKey account = ExtendedKey.FromSeed(Hex.Decode("000102030405060708090a0b0c0d0e0f")).Derive("m/44'/60'/0'");

        ExtendedKey fromPrivate = account.Derive("m/0/7");
        ExtendedKey fromPublic = ExtendedKey.Parse(account.ToExtendedPublicKey()).Derive("m/0/7");

        Assert.Null(fromPublic.PrivateKey);
        Assert.Equal(fromPrivate.Address, fromPublic.Address);
        Assert.Equal(fromPrivate.ToExtendedPublicKey(), fromPublic.ToExtendedPublicKey());
        Assert.Throws<InvalidOperationException>(() => fromPublic.Derive("m/1'"));
    }

    [Theory]
    [InlineData("44'/60'")]
    [InlineData("m/x")]
    [InlineData("m/2147483648")]
    [InlineData("m//1")]
    public void Malformed_path_is_a_typed_error_naming_the_path(string path)
    {
        ExtendedKey master = ExtendedKey.FromSeed(new byte[16]);

        var error = Assert.Throws<ValueChainFormatException>(() => master.Derive(path));

        Assert.Equal(path, error.Input);
    }
}
