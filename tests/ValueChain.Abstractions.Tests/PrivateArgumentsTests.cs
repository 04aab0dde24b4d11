using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using ValueChain.Ledger;

namespace ValueChain.Abstractions.Tests;

public sealed class PrivateArgumentsTests
{
    private static readonly string[] Names = ["orderId", "supplier", "partNumber", "quantity", "due", "partIds"];

    // An argument object over some of the names, with string, number, array or null values.
    private static readonly Gen<JsonObject> GenArguments = Gen.Select(
        Gen.Int[0, 63],
        Gen.String[Gen.Char.AlphaNumeric, 0, 8].Array[6],
        Gen.Int.Array[6],
        (present, texts, numbers) =>
        {
            var json = new JsonObject();
            for (int i = 0; i < Names.Length; i++)
            {
                if ((present & (1 << i)) != 0)
                {
                    json[Names[i]] = (i % 3) switch
                    {
                        0 => JsonValue.Create(texts[i]),
                        1 => JsonValue.Create(numbers[i]),
                        _ => new JsonArray(JsonValue.Create(texts[i]), null),
                    };
                }
            }

            return json;
        });

    [Fact]
    public void Split_then_merge_gives_back_the_same_arguments_and_the_split_arguments_hold_no_private_property()
    {
        Gen.Select(GenArguments, Gen.Int[0, 63]).Sample((arguments, mask) =>
        {
            string[] secret = [.. Names.Where((_, i) => (mask & (1 << i)) != 0)];
            string json = arguments.ToJsonString();

            (string kept, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = PrivateArguments.Split(json, secret);
            string merged = PrivateArguments.Merge(kept, transient, secret);

            Assert.Empty(PrivateArguments.PresentIn(kept, secret));
            Assert.All(transient.Keys, name => Assert.Contains(name, secret));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(merged)), $"{json} came back as {merged}");
        }, iter: 300);
    }

    [Fact]
    public void Merge_refuses_a_property_sent_twice_or_a_transient_entry_that_is_not_json_and_ignores_entries_not_named()
    {
        var twice = new Dictionary<string, ReadOnlyMemory<byte>> { ["quantity"] = "3"u8.ToArray() };
        var broken = new Dictionary<string, ReadOnlyMemory<byte>> { ["quantity"] = "three"u8.ToArray() };
        var other = new Dictionary<string, ReadOnlyMemory<byte>> { ["key"] = Encoding.UTF8.GetBytes("\"k\"") };

        ChaincodeException sentTwice = Assert.Throws<ChaincodeException>(() => PrivateArguments.Merge("""{"quantity":3}""", twice, ["quantity"]));
        ChaincodeException notJson = Assert.Throws<ChaincodeException>(() => PrivateArguments.Merge("{}", broken, ["quantity"]));

        Assert.Equal(ErrorCodes.InvalidFormat, sentTwice.Code);
        Assert.Contains("'quantity'", sentTwice.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidFormat, notJson.Code);
        Assert.Equal("""{"id":1}""", PrivateArguments.Merge("""{"id":1}""", other, ["quantity"]));
        Assert.Equal(ErrorCodes.InvalidFormat, Assert.Throws<ChaincodeException>(() => PrivateArguments.Split("[1]", ["quantity"])).Code);
        Assert.Equal("[1]", PrivateArguments.Split("[1]", []).ArgumentsJson);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(PrivateArguments.Merge("{}", twice, ["quantity"])).RootElement.ValueKind);
    }
}
