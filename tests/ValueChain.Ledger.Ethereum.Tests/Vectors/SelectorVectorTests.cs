using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests.Vectors;

public sealed class SelectorVectorTests
{
    private const string File = "ethereum/selectors.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Hash_and_selector_match_vector(int index)
    {
        JsonObject entry = VectorFile.Entries(File)[index];
        string signature = entry["signature"]!.GetValue<string>();

        Assert.Equal(entry["keccak"]!.GetValue<string>(), AbiSignature.Hash(signature).ToString());
        Assert.Equal(entry["selector"]!.GetValue<string>(), Hex.Encode(AbiSignature.Selector(signature)));
    }
}
