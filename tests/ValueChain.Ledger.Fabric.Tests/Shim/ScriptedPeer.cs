using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using ValueChain.Ledger.Fabric.Protocol;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Tests.Shim;

/// <summary>
/// Plays a Fabric peer's side of the shim conversation over a real gRPC connection to the chaincode
/// server: registers it, sends transactions, answers its state requests from a committed state (as
/// Fabric's simulator does: reads never see the transaction's own writes), pages range results and
/// commits the writes of a successful transaction. Records every message type the chaincode sent.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<Protos.ChaincodeMessage, Protos.ChaincodeMessage> _call;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Protos.ChaincodeMessage>> _completions = new();
    private readonly ConcurrentDictionary<string, SortedDictionary<string, byte[]?>> _writeSets = new();
    private readonly ConcurrentDictionary<string, Queue<ByteString>> _iterators = new();
    private readonly SortedDictionary<string, byte[]> _state = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Queryresult.KeyModification>> _history = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _keepAliveEcho = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _stateLock = new();
    private Task? _reader;
    private int _iteratorIds;

    private ScriptedPeer(string address, System.Security.Cryptography.X509Certificates.X509Certificate2? tlsRoot)
    {
        _channel = tlsRoot is null
            ? GrpcChannel.ForAddress($"http://{address}")
            : GrpcChannel.ForAddress($"https://{address}", new GrpcChannelOptions { HttpHandler = TrustOnly(tlsRoot) });
        _call = new Protos.Chaincode.ChaincodeClient(_channel).Connect();
    }

    /// <summary>Page size of range and history answers (small, so that paging happens).</summary>
    public int PageSize { get; init; } = 2;

    /// <summary>Keys whose GET_STATE the peer answers with ERROR.</summary>
    public HashSet<string> FailingKeys { get; } = [];

    /// <summary>Every message type the chaincode sent, in order.</summary>
    public ConcurrentQueue<Type> Received { get; } = new();

    /// <summary>The chaincode id the chaincode registered with.</summary>
    public string? RegisteredAs { get; private set; }

    public static async Task<ScriptedPeer> ConnectAsync(string address, int pageSize = 2, System.Security.Cryptography.X509Certificates.X509Certificate2? tlsRoot = null)
    {
        var peer = new ScriptedPeer(address, tlsRoot) { PageSize = pageSize };
        await peer.HandshakeAsync();
        return peer;
    }

    public IReadOnlyDictionary<string, byte[]> State
    {
        get
        {
            lock (_stateLock)
            {
                return new Dictionary<string, byte[]>(_state);
            }
        }
    }

    /// <summary>Sends a TRANSACTION (or INIT) with a proposal signed by <paramref name="identity"/> and waits for COMPLETED or ERROR.</summary>
    /// <remarks>The <paramref name="transient"/> entries go in the proposal's transient map, which a peer passes to the chaincode with the signed proposal.</remarks>
    public async Task<Protos.ChaincodeMessage> InvokeAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, string function, string argumentsJson, DateTimeOffset? timestamp = null, Type type = Type.Transaction, IReadOnlyList<byte[]>? rawArgs = null, IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? transient = null)
    {
        ChaincodeProposal proposal = rawArgs is null
            ? ProposalBuilder.Build(identity, signer, "valuechain", chaincode, function, argumentsJson, timestamp ?? DateTimeOffset.UtcNow, transient)
            : ProposalBuilder.Build(identity, signer, "valuechain", chaincode, rawArgs, System.Security.Cryptography.RandomNumberGenerator.GetBytes(24), timestamp ?? DateTimeOffset.UtcNow, transient);
        var input = new Protos.ChaincodeInput();
        input.Args.AddRange((rawArgs ?? [Encoding.UTF8.GetBytes(function), Encoding.UTF8.GetBytes(argumentsJson)]).Select(ByteString.CopyFrom));
        var done = new TaskCompletionSource<Protos.ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[proposal.TransactionId] = done;
        _writeSets[proposal.TransactionId] = new SortedDictionary<string, byte[]?>(StringComparer.Ordinal);
        await SendAsync(new Protos.ChaincodeMessage { Type = type, Txid = proposal.TransactionId, ChannelId = "valuechain", Payload = input.ToByteString(), Proposal = proposal.Signed });
        Protos.ChaincodeMessage completed = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (completed.Type == Type.Completed && Protos.Response.Parser.ParseFrom(completed.Payload).Status == 200)
        {
            Commit(proposal.TransactionId, proposal.Header);
        }

        _writeSets.TryRemove(proposal.TransactionId, out _);
        return completed;
    }

    /// <summary>Sends a message the chaincode has no business receiving, and waits for its answer.</summary>
    public async Task<Protos.ChaincodeMessage> SendUnexpectedAsync(Type type, string transactionId)
    {
        var done = new TaskCompletionSource<Protos.ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[transactionId] = done;
        await SendAsync(new Protos.ChaincodeMessage { Type = type, Txid = transactionId, ChannelId = "valuechain" });
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends KEEPALIVE and waits for the chaincode to echo it.</summary>
    public async Task KeepAliveAsync()
    {
        await SendAsync(new Protos.ChaincodeMessage { Type = Type.Keepalive });
        await _keepAliveEcho.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // As a peer does with the root_cert of connection.json: trust exactly that root.
    private static SocketsHttpHandler TrustOnly(System.Security.Cryptography.X509Certificates.X509Certificate2 root)
    {
        var policy = new System.Security.Cryptography.X509Certificates.X509ChainPolicy
        {
            TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust,
            RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(root);
        return new SocketsHttpHandler { SslOptions = new System.Net.Security.SslClientAuthenticationOptions { CertificateChainPolicy = policy } };
    }

    private async Task HandshakeAsync()
    {
        Assert.True(await _call.ResponseStream.MoveNext());
        Protos.ChaincodeMessage register = _call.ResponseStream.Current;
        Received.Enqueue(register.Type);
        Assert.Equal(Type.Register, register.Type);
        RegisteredAs = Protos.ChaincodeID.Parser.ParseFrom(register.Payload).Name;
        await SendAsync(new Protos.ChaincodeMessage { Type = Type.Registered });
        await SendAsync(new Protos.ChaincodeMessage { Type = Type.Ready });
        _reader = Task.Run(ReadAsync);
    }

    private async Task ReadAsync()
    {
        await foreach (Protos.ChaincodeMessage message in _call.ResponseStream.ReadAllAsync())
        {
            Received.Enqueue(message.Type);
            switch (message.Type)
            {
                case Type.Keepalive:
                    _keepAliveEcho.TrySetResult();
                    break;
                case Type.Completed or Type.Error:
                    if (_completions.TryRemove(message.Txid, out var done))
                    {
                        done.TrySetResult(message);
                    }

                    break;
                default:
                    await SendAsync(Answer(message));
                    break;
            }
        }
    }

    private Protos.ChaincodeMessage Answer(Protos.ChaincodeMessage request)
    {
        Protos.ChaincodeMessage Response(ByteString payload) => new() { Type = Type.Response, Payload = payload, Txid = request.Txid, ChannelId = request.ChannelId };
        Protos.ChaincodeMessage Error(string text) => new() { Type = Type.Error, Payload = ByteString.CopyFromUtf8(text), Txid = request.Txid, ChannelId = request.ChannelId };
        if (!_writeSets.TryGetValue(request.Txid, out var writes))
        {
            return Error($"no transaction context for {request.Txid}");
        }

        lock (_stateLock)
        {
            switch (request.Type)
            {
                case Type.GetState:
                    Protos.GetState get = Protos.GetState.Parser.ParseFrom(request.Payload);
                    return FailingKeys.Contains(get.Key) ? Error($"ledger read failed for {get.Key}") : Response(_state.TryGetValue(Stored(get.Collection, get.Key), out byte[]? value) ? ByteString.CopyFrom(value) : ByteString.Empty);
                case Type.GetPrivateDataHash:
                    Protos.GetState hashOf = Protos.GetState.Parser.ParseFrom(request.Payload);
                    return Response(_state.TryGetValue(Stored(hashOf.Collection, hashOf.Key), out byte[]? hashed) ? ByteString.CopyFrom(System.Security.Cryptography.SHA256.HashData(hashed)) : ByteString.Empty);
                case Type.PutState:
                    Protos.PutState put = Protos.PutState.Parser.ParseFrom(request.Payload);
                    writes[Stored(put.Collection, put.Key)] = put.Value.ToByteArray();
                    return Response(ByteString.Empty);
                case Type.DelState:
                    Protos.DelState delete = Protos.DelState.Parser.ParseFrom(request.Payload);
                    writes[Stored(delete.Collection, delete.Key)] = null;
                    return Response(ByteString.Empty);
                case Type.GetStateByRange:
                    Protos.GetStateByRange range = Protos.GetStateByRange.Parser.ParseFrom(request.Payload);
                    string prefix = Stored(range.Collection, "");
                    return Response(OpenIterator(_state
                        .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && (range.Collection.Length > 0 || !e.Key.StartsWith('\0')))
                        .Select(e => (Key: e.Key[prefix.Length..], e.Value))
                        .Where(e => string.CompareOrdinal(e.Key, range.StartKey) >= 0 && (range.EndKey.Length == 0 || string.CompareOrdinal(e.Key, range.EndKey) < 0))
                        .Select(e => new Queryresult.KV { Namespace = "cc", Key = e.Key, Value = ByteString.CopyFrom(e.Value) }.ToByteString())));
                case Type.GetHistoryForKey:
                    string historyKey = Protos.GetHistoryForKey.Parser.ParseFrom(request.Payload).Key;
                    // Newest first, as Fabric's history database answers.
                    return Response(OpenIterator((_history.GetValueOrDefault(historyKey) ?? []).AsEnumerable().Reverse().Select(m => m.ToByteString())));
                case Type.QueryStateNext:
                    string id = Protos.QueryStateNext.Parser.ParseFrom(request.Payload).Id;
                    return _iterators.TryGetValue(id, out var rest) ? Response(Page(id, rest)) : Error("query iterator not found");
                case Type.QueryStateClose:
                    string closed = Protos.QueryStateClose.Parser.ParseFrom(request.Payload).Id;
                    _iterators.TryRemove(closed, out _);
                    return Response(new Protos.QueryResponse { Id = closed }.ToByteString());
                default:
                    return Error($"the scripted peer does not handle {request.Type}");
            }
        }
    }

    public int OpenIterators => _iterators.Count;

    /// <summary>The committed value of <paramref name="key"/> in private data collection <paramref name="collection"/>, or null.</summary>
    public byte[]? PrivateValue(string collection, string key)
    {
        lock (_stateLock)
        {
            return _state.GetValueOrDefault(Stored(collection, key));
        }
    }

    // World state and each collection in one sorted map: private keys under U+0000·collection·U+0000, which world-state keys cannot start with.
    private static string Stored(string collection, string key) => collection.Length == 0 ? key : $"\0{collection}\0{key}";

    private ByteString OpenIterator(IEnumerable<ByteString> results)
    {
        string id = $"it-{Interlocked.Increment(ref _iteratorIds)}";
        var queue = new Queue<ByteString>(results.ToList());
        _iterators[id] = queue;
        return Page(id, queue);
    }

    private ByteString Page(string id, Queue<ByteString> rest)
    {
        var page = new Protos.QueryResponse { Id = id };
        while (page.Results.Count < PageSize && rest.TryDequeue(out ByteString? next))
        {
            page.Results.Add(new Protos.QueryResultBytes { ResultBytes = next });
        }

        page.HasMore = rest.Count > 0;
        return page.ToByteString();
    }

    private void Commit(string transactionId, Common.Header header)
    {
        Timestamp time = Common.ChannelHeader.Parser.ParseFrom(header.ChannelHeader).Timestamp;
        lock (_stateLock)
        {
            foreach ((string key, byte[]? value) in _writeSets[transactionId])
            {
                if (value is null)
                {
                    _state.Remove(key);
                }
                else
                {
                    _state[key] = value;
                }

                if (!_history.TryGetValue(key, out var versions))
                {
                    _history[key] = versions = [];
                }

                versions.Add(new Queryresult.KeyModification { TxId = transactionId, Timestamp = time, IsDelete = value is null, Value = value is null ? ByteString.Empty : ByteString.CopyFrom(value) });
            }
        }
    }

    private async Task SendAsync(Protos.ChaincodeMessage message)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _call.RequestStream.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _call.RequestStream.CompleteAsync();
        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _call.Dispose();
        _channel.Dispose();
        _writeLock.Dispose();
    }
}
