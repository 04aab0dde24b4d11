using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Vectors;

public sealed class Secp256k1VectorTests
{
    private const string File = "ethereum/secp256k1.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Keys_and_address_match_vector(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        PrivateKey key = PrivateKey.Parse(entry["privateKey"]!.GetValue<string>());

        Assert.Equal(entry["publicKeyUncompressed"]!.GetValue<string>(), Hex.Encode(key.PublicKey.ToUncompressed()));
        Assert.Equal(entry["publicKeyCompressed"]!.GetValue<string>(), Hex.Encode(key.PublicKey.ToCompressed()));
        Assert.Equal(entry["address"]!.GetValue<string>(), key.Address.ToString());
        Assert.Equal(key.PublicKey, PublicKey.Parse(entry["publicKeyCompressed"]!.GetValue<string>()));
        Assert.Equal(key.PublicKey, PublicKey.Parse(entry["publicKeyUncompressed"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Deterministic_signature_matches_vector(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        PrivateKey key = PrivateKey.Parse(entry["privateKey"]!.GetValue<string>());

        RecoverableSignature signature = Secp256k1.Sign(key, Hash32.Parse(entry["digest"]!.GetValue<string>()));

        Assert.Equal(entry["r"]!.GetValue<string>(), signature.R.ToString());
        Assert.Equal(entry["s"]!.GetValue<string>(), signature.S.ToString());
        Assert.Equal(entry["v"]!.GetValue<int>(), signature.V);
        Assert.Equal(entry["yParity"]!.GetValue<int>(), signature.V - 27);
        Assert.Equal(entry["serialized"]!.GetValue<string>(), signature.ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Vector_signature_recovers_and_verifies_in_both_modes(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        var digest = Hash32.Parse(entry["digest"]!.GetValue<string>());
        var signature = RecoverableSignature.Parse(entry["serialized"]!.GetValue<string>());
        var publicKey = PublicKey.Parse(entry["publicKeyCompressed"]!.GetValue<string>());

        foreach (RecoveryMode mode in new[] { RecoveryMode.Strict, RecoveryMode.Precompile })
        {
            Assert.Equal(entry["address"]!.GetValue<string>(), Secp256k1.RecoverAddress(digest, signature, mode).ToString());
            Assert.True(Secp256k1.Verify(publicKey, digest, signature, mode));
        }

        var yParityForm = signature with { V = (byte)entry["yParity"]!.GetValue<int>() };
        Assert.Equal(publicKey, Secp256k1.Recover(digest, yParityForm, RecoveryMode.Strict));
    }
}
