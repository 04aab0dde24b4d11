using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Keystore;

public sealed class KeystoreTests
{
    private const string File = "ethereum/keystore-v3.json";

    // The PBKDF2 test vector published in the Web3 Secret Storage Definition (password "testpassword").
    private const string DefinitionPbkdf2Vector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": { "c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd" },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Decrypts_scrypt_keystore_written_by_ethers(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];

        PrivateKey key = KeystoreV3.Decrypt(entry["keystore"]!.ToJsonString(), entry["password"]!.GetValue<string>());

        Assert.Equal(entry["privateKey"]!.GetValue<string>(), Hex.Encode(key.ToBytes()));
        Assert.Equal(entry["address"]!.GetValue<string>(), key.Address.ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Wrong_password_is_a_typed_error_and_returns_no_key(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        PrivateKey? key = null;

        var error = Assert.Throws<KeystoreException>(() => key = KeystoreV3.Decrypt(entry["keystore"]!.ToJsonString(), entry["password"]!.GetValue<string>() + "x"));

        Assert.Equal(ErrorCodes.WrongPassword, error.Code);
        Assert.Null(key);
    }

    [Fact]
    public void Decrypts_the_pbkdf2_vector_of_the_definition()
    {
        PrivateKey key = KeystoreV3.Decrypt(DefinitionPbkdf2Vector, "testpassword");

        Assert.Equal("0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", Hex.Encode(key.ToBytes()));
        Assert.Equal("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b", key.Address.ToLowerHex());
        Assert.Equal(ErrorCodes.WrongPassword, Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(DefinitionPbkdf2Vector, "TestPassword")).Code);
    }

    [Fact]
    public void Encrypted_keystore_decrypts_to_the_same_key_and_refuses_other_passwords()
    {
        PrivateKey key = PrivateKey.Generate();

        string json = KeystoreV3.Encrypt(key, "correct horse", KeystoreOptions.Light);

        Assert.Equal(key.Address, KeystoreV3.Decrypt(json, "correct horse").Address);
        Assert.Equal(ErrorCodes.WrongPassword, Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "correct horse ")).Code);
        Assert.Equal(key.Address.ToLowerHex()[2..], JsonNode.Parse(json)!["address"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\":3}")]
    [InlineData("{\"version\":4,\"crypto\":{}}")]
    public void Malformed_keystore_is_a_typed_error(string json)
    {
        Assert.Equal(ErrorCodes.InvalidKeystore, Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "x")).Code);
    }

    [Fact]
    public void Unsupported_cipher_is_named_in_the_error()
    {
        string json = DefinitionPbkdf2Vector.Replace("aes-128-ctr", "aes-128-cbc", StringComparison.Ordinal);

        var error = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "testpassword"));

        Assert.Equal(ErrorCodes.InvalidKeystore, error.Code);
        Assert.Contains("aes-128-cbc", error.Message, StringComparison.Ordinal);
    }
}
