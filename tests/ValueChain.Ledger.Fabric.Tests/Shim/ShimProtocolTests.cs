using System.Net;
using System.Text.Json;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger.Fabric.Protocol;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Tests.Shim;

/// <summary>The chaincode host's side of the shim protocol, against a scripted peer over a real gRPC connection.</summary>
public sealed class ShimProtocolTests : IAsyncLifetime
{
    private const string PackageId = "conformance_1:0123456789abcdef";
    private readonly FabricIdentity _client = GoldenFiles.ClientIdentity();
    private readonly EcdsaP256Signer _signer = GoldenFiles.ClientSigner();
    private FabricChaincodeServer _server = null!;
    private ScriptedPeer _peer = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new FabricChaincodeServerOptions { ChaincodeId = PackageId, Listen = new IPEndPoint(IPAddress.Loopback, 0) };
        options.ChaincodeFor = name => name == "conformance" ? new ConformanceChaincode() : null;
        _server = await FabricChaincodeServer.StartAsync(options);
        _peer = await ScriptedPeer.ConnectAsync(_server.Address);
    }

    public async ValueTask DisposeAsync()
    {
        await _peer.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<Protos.ChaincodeMessage> InvokeAsync(string function, object args, DateTimeOffset? time = null) =>
        _peer.InvokeAsync(_client, _signer, "conformance", function, JsonSerializer.Serialize(args), time);

    private static Protos.Response ResponseOf(Protos.ChaincodeMessage completed)
    {
        Assert.Equal(Type.Completed, completed.Type);
        return Protos.Response.Parser.ParseFrom(completed.Payload);
    }

    private static string ResultOf(Protos.ChaincodeMessage completed)
    {
        Protos.Response response = ResponseOf(completed);
        Assert.True(response.Status == 200, $"status {response.Status}: {response.Message}");
        return response.Payload.ToStringUtf8();
    }

    [Fact]
    public void The_chaincode_registers_with_its_package_id()
    {
        Assert.Equal(PackageId, _peer.RegisteredAs);
        Assert.Equal(Type.Register, _peer.Received.First());
    }

    [Fact]
    public async Task Put_get_and_delete_reach_the_peer_and_the_response_carries_the_result()
    {
        ResultOf(await InvokeAsync("put", new { key = "k1", value = "v1" }));
        Assert.Equal("\"v1\"", ResultOf(await InvokeAsync("get", new { key = "k1" })));
        ResultOf(await InvokeAsync("delete", new { key = "k1" }));

        Assert.Equal("null", ResultOf(await InvokeAsync("get", new { key = "k1" })));
        Assert.Contains(Type.PutState, _peer.Received);
        Assert.Contains(Type.GetState, _peer.Received);
        Assert.Contains(Type.DelState, _peer.Received);
        Assert.False(_peer.State.ContainsKey("k1"));
    }

    [Fact]
    public async Task A_range_is_read_page_by_page_in_key_order_and_its_iterator_is_closed()
    {
        foreach (string key in new[] { "r/3", "r/1", "r/5", "r/2", "r/4", "s/1" })
        {
            ResultOf(await InvokeAsync("put", new { key, value = key.ToUpperInvariant() }));
        }

        string result = ResultOf(await InvokeAsync("range", new { start = "r/", end = "r0" }));

        Assert.Equal("""[["r/1","R/1"],["r/2","R/2"],["r/3","R/3"],["r/4","R/4"],["r/5","R/5"]]""", result);
        Assert.Contains(Type.GetStateByRange, _peer.Received);
        Assert.True(_peer.Received.Count(t => t == Type.QueryStateNext) >= 2, "five results in pages of two need two QUERY_STATE_NEXT");
        Assert.Contains(Type.QueryStateClose, _peer.Received);
        Assert.Equal(0, _peer.OpenIterators);
    }

    [Fact]
    public async Task A_range_sees_the_transactions_own_writes_and_deletes_as_the_embedded_ledger_does()
    {
        ResultOf(await InvokeAsync("put", new { key = "w/1", value = "one" }));
        ResultOf(await InvokeAsync("put", new { key = "w/3", value = "three" }));

        string result = ResultOf(await InvokeAsync("putThenRange", new { key = "w/2", value = "two", deleteKey = "w/3", start = "w/", end = "w0" }));

        Assert.Equal("""[["w/1","one"],["w/2","two"]]""", result);
    }

    [Fact]
    public async Task A_keys_history_comes_oldest_first_with_deletes_marked()
    {
        ResultOf(await InvokeAsync("put", new { key = "h", value = "1" }));
        ResultOf(await InvokeAsync("put", new { key = "h", value = "2" }));
        ResultOf(await InvokeAsync("delete", new { key = "h" }));
        ResultOf(await InvokeAsync("put", new { key = "h", value = "3" }));

        JsonElement history = JsonDocument.Parse(ResultOf(await InvokeAsync("history", new { key = "h" }))).RootElement;

        Assert.Equal(["1", "2", null, "3"], history.EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.Equal([false, false, true, false], history.EnumerateArray().Select(v => v.GetProperty("delete").GetBoolean()));
        Assert.Contains(Type.GetHistoryForKey, _peer.Received);
    }

    [Fact]
    public async Task Events_are_packed_into_the_one_chaincode_event_of_the_completion()
    {
        Protos.ChaincodeMessage completed = await InvokeAsync("emit", new { name = "Hello", payload = new { n = 1, text = "ü" } });

        ResultOf(completed);
        Assert.Equal(PackedEvents.EventName, completed.ChaincodeEvent.EventName);
        (string name, string payload) = Assert.Single(PackedEvents.Unpack(completed.ChaincodeEvent.Payload.Span));
        Assert.Equal("Hello", name);
        Assert.Equal("""{"n":1,"text":"\u00FC"}""", payload);
    }

    [Fact]
    public async Task A_chaincode_error_completes_with_status_500_its_code_and_no_event()
    {
        Protos.ChaincodeMessage completed = await InvokeAsync("fail", new { key = "f", code = "not_found" });

        Protos.Response response = ResponseOf(completed);
        Assert.Equal(500, response.Status);
        Assert.Equal(("not_found", "failed on purpose"), ChaincodeError.TryDecode(response));
        Assert.Null(completed.ChaincodeEvent);
        Assert.False(_peer.State.ContainsKey("f"));
    }

    [Fact]
    public async Task A_typed_sdk_error_that_is_not_a_chaincode_exception_keeps_its_code()
    {
        // A chaincode that parses an address, a key or an amount throws ValueChainFormatException: its code must
        // reach the client as on the embedded ledger, not become chaincode_failed.
        Protos.Response response = ResponseOf(await InvokeAsync("fail", new { key = "f", code = "x", family = "format" }));

        Assert.Equal(500, response.Status);
        Assert.Equal(ErrorCodes.InvalidFormat, ChaincodeError.TryDecode(response)!.Value.Code);
        Assert.False(_peer.State.ContainsKey("f"));
    }

    [Fact]
    public async Task A_chaincode_crash_unknown_function_or_wrong_arguments_complete_with_typed_codes()
    {
        Protos.Response crash = ResponseOf(await InvokeAsync("crash", new { key = "c" }));
        Protos.Response unknown = ResponseOf(await InvokeAsync("nope", new { }));
        Protos.Response wrongArgs = ResponseOf(await _peer.InvokeAsync(_client, _signer, "conformance", "", "", rawArgs: [[1], [2], [3]]));
        Protos.Response unserved = ResponseOf(await _peer.InvokeAsync(_client, _signer, "elsewhere", "get", "{}"));

        Assert.Equal(ErrorCodes.ChaincodeFailed, ChaincodeError.TryDecode(crash)!.Value.Code);
        Assert.Contains("a chaincode bug", crash.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.UnknownFunction, ChaincodeError.TryDecode(unknown)!.Value.Code);
        Assert.Equal(ErrorCodes.InvalidFormat, ChaincodeError.TryDecode(wrongArgs)!.Value.Code);
        Assert.Equal(ErrorCodes.UnknownChaincode, ChaincodeError.TryDecode(unserved)!.Value.Code);
    }

    [Fact]
    public async Task A_peer_error_on_a_state_request_fails_the_invocation_with_the_peers_message()
    {
        _peer.FailingKeys.Add("broken");

        Protos.Response response = ResponseOf(await InvokeAsync("get", new { key = "broken" }));

        Assert.Equal(500, response.Status);
        Assert.Contains("ledger read failed for broken", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keepalive_is_echoed()
    {
        await _peer.KeepAliveAsync();

        Assert.Contains(Type.Keepalive, _peer.Received);
    }

    [Fact]
    public async Task A_message_the_chaincode_cannot_handle_is_answered_with_error()
    {
        Protos.ChaincodeMessage answer = await _peer.SendUnexpectedAsync(Type.GetState, "stray");

        Assert.Equal(Type.Error, answer.Type);
        Assert.Contains("cannot handle", answer.Payload.ToStringUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_without_arguments_succeeds_and_init_with_arguments_runs_the_function()
    {
        Protos.ChaincodeMessage empty = await _peer.InvokeAsync(_client, _signer, "conformance", "", "", type: Type.Init, rawArgs: []);
        Protos.ChaincodeMessage put = await _peer.InvokeAsync(_client, _signer, "conformance", "put", """{"key":"i","value":"init"}""", type: Type.Init);

        Assert.Equal(200, ResponseOf(empty).Status);
        Assert.Equal(200, ResponseOf(put).Status);
        Assert.Equal("init"u8.ToArray(), _peer.State["i"]);
    }

    [Fact]
    public async Task The_caller_is_the_certificates_address_and_the_time_is_the_proposals()
    {
        var participant = new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash("shim participant"u8).ToArray()));
        (FabricIdentity bound, EcdsaP256Signer boundSigner) = await TestCertificates.CreateCa().IssueAsync(participant);
        var time = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);

        string plain = ResultOf(await InvokeAsync("whoami", new { }));
        string viaBinding = ResultOf(await _peer.InvokeAsync(bound, boundSigner, "conformance", "whoami", "{}"));
        string now = ResultOf(await InvokeAsync("now", new { }, time));

        Assert.Equal(JsonSerializer.Serialize(_client.Address.ToString()), plain);
        Assert.Equal(JsonSerializer.Serialize(participant.Address.ToString()), viaBinding);
        Assert.Equal(time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), now);
    }

    [Fact]
    public async Task Concurrent_transactions_on_one_stream_each_get_their_own_answers()
    {
        Protos.ChaincodeMessage[] completed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => InvokeAsync("put", new { key = $"c/{i:D2}", value = $"{i}" })));

        Assert.All(completed, c => Assert.Equal(200, ResponseOf(c).Status));
        Assert.Equal(20, _peer.State.Keys.Count(k => k.StartsWith("c/", StringComparison.Ordinal)));
        Assert.Equal("7"u8.ToArray(), _peer.State["c/07"]);
    }
}
