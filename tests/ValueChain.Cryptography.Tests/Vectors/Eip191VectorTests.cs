using System.Text;
using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Vectors;

public sealed class Eip191VectorTests
{
    private const string File = "ethereum/eip191.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Personal_message_hash_and_signature_match_vector(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        PrivateKey key = PrivateKey.Parse(entry["privateKey"]!.GetValue<string>());
        byte[] message = Encoding.UTF8.GetBytes(entry["message"]!.GetValue<string>());

        Assert.Equal(entry["hash"]!.GetValue<string>(), PersonalMessage.Hash(message).ToString());
        RecoverableSignature signature = PersonalMessage.Sign(key, message);
        Assert.Equal(entry["signature"]!.GetValue<string>(), signature.ToString());
        Assert.Equal(key.Address, PersonalMessage.RecoverSigner(message, signature));
    }
}
