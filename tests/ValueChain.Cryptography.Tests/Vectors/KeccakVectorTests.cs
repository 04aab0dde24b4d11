using System.Text;
using ValueChain.Testing;

namespace ValueChain.Cryptography.Tests.Vectors;

public sealed class KeccakVectorTests
{
    private const string File = "ethereum/keccak256.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Keccak256_matches_vector(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        byte[] input = Hex.Decode(entry["input"]!.GetValue<string>());

        Assert.Equal(entry["keccak256"]!.GetValue<string>(), Keccak256.Hash(input).ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Incremental_hasher_matches_vector_whatever_the_split(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        byte[] input = Hex.Decode(entry["input"]!.GetValue<string>());
        var hasher = new Keccak256Hasher();
        foreach (int split in new[] { 0, 1, 7, 135, 136, 137, input.Length })
        {
            int cut = Math.Min(split, input.Length);
            hasher.Append(input.AsSpan(0, cut));
            hasher.Append(input.AsSpan(cut));
            Assert.Equal(entry["keccak256"]!.GetValue<string>(), hasher.GetHashAndReset().ToString());
        }
    }

    [Fact]
    public void Selectors_match_vectors()
    {
        foreach (var entry in VectorFile.Entries("ethereum/selectors.json"))
        {
            Hash32 hash = Keccak256.Hash(Encoding.ASCII.GetBytes(entry["signature"]!.GetValue<string>()));
            Assert.Equal(entry["keccak"]!.GetValue<string>(), hash.ToString());
            Assert.Equal(entry["selector"]!.GetValue<string>(), hash.ToString()[..10]);
        }
    }
}
