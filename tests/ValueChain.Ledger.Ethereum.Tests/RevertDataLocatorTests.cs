using System.Text.Json;

namespace ValueChain.Ledger.Ethereum.Tests;

// The error objects in Recorded/node-errors.json were recorded from real nodes (anvil, ganache 7, hardhat 2).
public sealed class RevertDataLocatorTests
{
    private static readonly JsonElement Recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", "node-errors.json"))).RootElement;

    public static TheoryData<string, string> Reverts() => Cases("reverts");

    public static TheoryData<string, string> NotReverts() => Cases("notReverts");

    [Theory]
    [MemberData(nameof(Reverts))]
    public void The_revert_data_is_found_wherever_the_node_put_it(string node, string method)
    {
        JsonRpcException error = ErrorOf("reverts", node, method);

        Assert.Equal(Hex.Decode(Recorded.GetProperty("revertData").GetString()!), error.RevertData);
    }

    [Theory]
    [MemberData(nameof(NotReverts))]
    public void An_error_that_is_not_a_revert_has_no_revert_data(string node, string method)
    {
        Assert.Null(ErrorOf("notReverts", node, method).RevertData);
    }

    [Theory]
    [InlineData("""{"code":-32015,"message":"VM execution error.","data":"Reverted 0xdeadbeef"}""", "0xdeadbeef")] // Nethermind's shape
    [InlineData("""{"code":3,"message":"execution reverted"}""", "0x")] // a bare revert()
    [InlineData("""{"code":-32000,"message":"execution reverted","data":"not hex"}""", "0x")]
    [InlineData("""{"code":-32000,"message":"VM Exception","data":{"0x5f1c":{"error":"revert","return":"0xdeadbeef"}}}""", "0xdeadbeef")] // ganache 6
    public void Other_documented_shapes_are_read_too(string json, string expected)
    {
        JsonRpcException error = JsonRpcException.FromError("eth_call", JsonDocument.Parse(json).RootElement);

        Assert.Equal(Hex.Decode(expected), error.RevertData);
    }

    private static JsonRpcException ErrorOf(string list, string node, string method)
    {
        JsonElement entry = Recorded.GetProperty(list).EnumerateArray().Single(e => e.GetProperty("node").GetString() == node && e.GetProperty("method").GetString() == method);
        return JsonRpcException.FromError(method, entry.GetProperty("error"));
    }

    private static TheoryData<string, string> Cases(string list)
    {
        var cases = new TheoryData<string, string>();
        foreach (JsonElement entry in Recorded.GetProperty(list).EnumerateArray())
        {
            cases.Add(entry.GetProperty("node").GetString()!, entry.GetProperty("method").GetString()!);
        }

        return cases;
    }
}
