using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ValueChain.Ledger.Fabric.Protocol;
using ValueChain.Ledger.Fabric.Tests.PrivateData;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Tests.Shim;

/// <summary>Private data through the chaincode host: the shim messages with their collection set, against the scripted peer.</summary>
public sealed class PrivateDataShimTests : IAsyncLifetime
{
    private readonly FabricIdentity _client = GoldenFiles.ClientIdentity();
    private readonly EcdsaP256Signer _signer = GoldenFiles.ClientSigner();
    private FabricChaincodeServer _server = null!;
    private ScriptedPeer _peer = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new FabricChaincodeServerOptions
        {
            ChaincodeId = "notes_1:0123456789abcdef",
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            ChaincodeFor = name => name == "notes" ? new PrivateNotesChaincode() : null,
            CollectionsFor = name => name == "notes" ? new[] { "orders", "other" }.ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty,
        };
        _server = await FabricChaincodeServer.StartAsync(options);
        _peer = await ScriptedPeer.ConnectAsync(_server.Address);
    }

    public async ValueTask DisposeAsync()
    {
        await _peer.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<string> CallAsync(string function, object args, IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? transient = null)
    {
        Protos.ChaincodeMessage completed = await _peer.InvokeAsync(_client, _signer, "notes", function, JsonSerializer.Serialize(args), transient: transient);
        Assert.Equal(Type.Completed, completed.Type);
        Protos.Response response = Protos.Response.Parser.ParseFrom(completed.Payload);
        return response.Status == 200 ? response.Payload.ToStringUtf8() : $"error {ChaincodeError.TryDecode(response)?.Code}: {response.Message}";
    }

    [Fact]
    public async Task A_private_write_goes_to_its_collection_not_to_world_state_and_its_hash_is_the_sha256_of_the_value()
    {
        await CallAsync("put", new { collection = "orders", key = "o-1", value = "42 units" });

        Assert.Equal("42 units"u8.ToArray(), _peer.PrivateValue("orders", "o-1"));
        Assert.False(_peer.State.ContainsKey("o-1"));
        Assert.Null(_peer.PrivateValue("other", "o-1"));
        Assert.Equal("\"42 units\"", await CallAsync("get", new { collection = "orders", key = "o-1" }));
        Assert.Equal(JsonSerializer.Serialize(Convert.ToHexStringLower(SHA256.HashData("42 units"u8))), await CallAsync("hash", new { collection = "orders", key = "o-1" }));
        Assert.Equal("null", await CallAsync("hash", new { collection = "orders", key = "absent" }));
        Assert.Contains(Type.GetPrivateDataHash, _peer.Received);
    }

    [Fact]
    public async Task A_transaction_sees_its_own_private_writes_and_their_hash_before_commit()
    {
        string result = await CallAsync("putThenGet", new { collection = "orders", key = "o-2", value = "dock 4" });

        Assert.Equal(JsonSerializer.Serialize(new[] { "dock 4", Convert.ToHexStringLower(SHA256.HashData("dock 4"u8)) }), result);
    }

    [Fact]
    public async Task A_private_range_and_delete_stay_within_the_collection()
    {
        await CallAsync("put", new { collection = "orders", key = "r/1", value = "a" });
        await CallAsync("put", new { collection = "orders", key = "r/2", value = "b" });
        await CallAsync("put", new { collection = "other", key = "r/3", value = "c" });
        await CallAsync("delete", new { collection = "orders", key = "r/2" });

        Assert.Equal("""[["r/1","a"]]""", await CallAsync("range", new { collection = "orders", start = "r/", end = "r0" }));
        Assert.Equal("""[["r/3","c"]]""", await CallAsync("range", new { collection = "other", start = "r/", end = "r0" }));
    }

    [Fact]
    public async Task A_collection_the_deployment_does_not_declare_is_refused_with_a_configuration_error_naming_it()
    {
        string result = await CallAsync("put", new { collection = "elsewhere", key = "k", value = "v" });

        Assert.StartsWith($"error {ErrorCodes.Configuration}:", result, StringComparison.Ordinal);
        Assert.Contains("'elsewhere'", result, StringComparison.Ordinal);
        Assert.Contains("orders", result, StringComparison.Ordinal);
        Assert.DoesNotContain(Type.PutState, _peer.Received);
    }

    [Fact]
    public async Task The_chaincode_sees_the_proposals_transient_map_as_its_transient_data()
    {
        var transient = new Dictionary<string, ReadOnlyMemory<byte>> { ["price"] = "41.90 EUR"u8.ToArray(), ["dock"] = "4"u8.ToArray() };

        string seen = await CallAsync("transient", new { collection = "orders" }, transient);
        string none = await CallAsync("transient", new { collection = "orders" });

        Assert.Equal("""{"dock":"4","price":"41.90 EUR"}""", seen);
        Assert.Equal("{}", none);
    }

    [Fact]
    public async Task Private_arguments_sent_as_transient_data_reach_the_chaincode_and_its_collection()
    {
        var transient = new Dictionary<string, ReadOnlyMemory<byte>> { ["key"] = "\"o-9\""u8.ToArray(), ["value"] = "\"12 units\""u8.ToArray() };

        Assert.Equal("", await CallAsync("putPrivate", new { collection = "orders" }, transient));

        Assert.Equal("12 units"u8.ToArray(), _peer.PrivateValue("orders", "o-9"));
    }

    [Fact]
    public async Task Private_arguments_in_the_arguments_of_a_deployment_with_the_collection_are_refused_as_they_would_reach_the_block()
    {
        string inArguments = await CallAsync("putPrivate", new { collection = "orders", key = "o-10", value = "12 units" });
        string twice = await CallAsync("putPrivate", new { collection = "orders", key = "o-11" }, new Dictionary<string, ReadOnlyMemory<byte>> { ["key"] = "\"o-11\""u8.ToArray(), ["value"] = "\"1\""u8.ToArray() });

        Assert.StartsWith($"error {ErrorCodes.InvalidFormat}:", inArguments, StringComparison.Ordinal);
        Assert.Contains("'key', 'value' must be sent as transient data", inArguments, StringComparison.Ordinal);
        Assert.StartsWith($"error {ErrorCodes.InvalidFormat}:", twice, StringComparison.Ordinal);
        Assert.Null(_peer.PrivateValue("orders", "o-10"));
        Assert.Null(_peer.PrivateValue("orders", "o-11"));
    }
}
