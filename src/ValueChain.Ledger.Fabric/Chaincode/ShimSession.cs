using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using ValueChain.Ledger.Fabric.Protocol;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>
/// The chaincode's side of one shim conversation with a peer: REGISTER, then REGISTERED and READY
/// from the peer, then any number of concurrent INIT and TRANSACTION messages, each answered with
/// COMPLETED after the state requests it needs. KEEPALIVE is echoed, as Fabric's own shims do.
/// </summary>
internal sealed partial class ShimSession
{
    private readonly IAsyncStreamReader<Protos.ChaincodeMessage> _incoming;
    private readonly IServerStreamWriter<Protos.ChaincodeMessage> _outgoing;
    private readonly string _chaincodeId;
    private readonly Func<string, IChaincode?> _chaincodeFor;
    private readonly Func<string, IReadOnlySet<string>> _collectionsFor;
    private readonly CreatorAddresses _creators;
    private readonly ILogger _logger;
    private readonly Channel<Protos.ChaincodeMessage> _sendQueue = System.Threading.Channels.Channel.CreateUnbounded<Protos.ChaincodeMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Protos.ChaincodeMessage>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public ShimSession(IAsyncStreamReader<Protos.ChaincodeMessage> incoming, IServerStreamWriter<Protos.ChaincodeMessage> outgoing, string chaincodeId, Func<string, IChaincode?> chaincodeFor, Func<string, IReadOnlySet<string>> collectionsFor, CreatorAddresses creators, ILogger logger)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _chaincodeId = chaincodeId;
        _chaincodeFor = chaincodeFor;
        _collectionsFor = collectionsFor;
        _creators = creators;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task sender = SendLoopAsync(cancellationToken);
        try
        {
            Send(new Protos.ChaincodeMessage { Type = Type.Register, Payload = new Protos.ChaincodeID { Name = _chaincodeId }.ToByteString() });
            await ExpectAsync(Type.Registered, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(Type.Ready, cancellationToken).ConfigureAwait(false);
            LogReady(_logger, _chaincodeId);

            while (await _incoming.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(_incoming.Current, cancellationToken);
            }
        }
        finally
        {
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetException(new ChaincodeException(ErrorCodes.NodeUnavailable, "The peer closed the chaincode stream."));
            }

            await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _sendQueue.Writer.TryComplete();
            await sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Sends a request for the transaction and waits for the peer's RESPONSE (or ERROR).</summary>
    public async Task<ByteString> RequestAsync(Type type, IMessage payload, string channel, string transactionId, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<Protos.ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        string key = channel + transactionId;
        if (!_pending.TryAdd(key, waiter))
        {
            throw new InvalidOperationException($"Transaction {transactionId} already waits for the peer.");
        }

        try
        {
            Send(new Protos.ChaincodeMessage { Type = type, Payload = payload.ToByteString(), ChannelId = channel, Txid = transactionId });
            Protos.ChaincodeMessage answer = await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return answer.Type == Type.Response
                ? answer.Payload
                : throw new ChaincodeException(ErrorCodes.ChaincodeFailed, $"The peer refused {type} for transaction {transactionId}: {answer.Payload.ToStringUtf8()}");
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    private void Dispatch(Protos.ChaincodeMessage message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case Type.Keepalive:
                Send(new Protos.ChaincodeMessage { Type = Type.Keepalive });
                break;
            case Type.Response or Type.Error:
                if (_pending.TryGetValue(message.ChannelId + message.Txid, out var waiter))
                {
                    waiter.TrySetResult(message);
                }
                else
                {
                    LogUnexpected(_logger, message.Type, message.Txid);
                }

                break;
            case Type.Init or Type.Transaction:
                Task task = Task.Run(() => ExecuteAsync(message, cancellationToken), CancellationToken.None);
                _running.TryAdd(task, 0);
                _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                break;
            default:
                Send(new Protos.ChaincodeMessage
                {
                    Type = Type.Error,
                    Payload = ByteString.CopyFromUtf8($"the chaincode cannot handle {message.Type} in its ready state"),
                    ChannelId = message.ChannelId,
                    Txid = message.Txid,
                });
                break;
        }
    }

    private async Task ExecuteAsync(Protos.ChaincodeMessage message, CancellationToken cancellationToken)
    {
        Protos.Response response;
        Protos.ChaincodeEvent? chaincodeEvent = null;
        try
        {
            (response, chaincodeEvent) = await InvokeAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ValueChainException e)
        {
            // Every typed SDK error keeps its code, exactly as the embedded ledger records it.
            response = Failure(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogChaincodeCrashed(_logger, e, message.Txid);
            response = Failure(ErrorCodes.ChaincodeFailed, $"{e.GetType().Name}: {e.Message}");
        }

        var completed = new Protos.ChaincodeMessage { Type = Type.Completed, Payload = response.ToByteString(), ChannelId = message.ChannelId, Txid = message.Txid };
        if (chaincodeEvent is not null)
        {
            completed.ChaincodeEvent = chaincodeEvent;
        }

        Send(completed);
    }

    private async Task<(Protos.Response Response, Protos.ChaincodeEvent? Event)> InvokeAsync(Protos.ChaincodeMessage message, CancellationToken cancellationToken)
    {
        Protos.ChaincodeInput input = Protos.ChaincodeInput.Parser.ParseFrom(message.Payload);
        if (message.Type == Type.Init && input.Args.Count == 0)
        {
            return (new Protos.Response { Status = 200 }, null);
        }

        if (input.Args.Count != 2)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"A ValueChain chaincode takes two arguments (function, arguments as JSON), not {input.Args.Count}.");
        }

        TransactionHeader header = TransactionHeader.Read(message.Proposal, _creators);
        IChaincode chaincode = _chaincodeFor(header.Chaincode)
            ?? throw new ChaincodeException(ErrorCodes.UnknownChaincode, $"This chaincode server does not serve '{header.Chaincode}'.");
        string function = input.Args[0].ToStringUtf8();
        if (!chaincode.Functions.Contains(function))
        {
            throw new ChaincodeException(ErrorCodes.UnknownFunction, $"Chaincode '{chaincode.Name}' has no function '{function}'.");
        }

        var context = new ShimChaincodeContext(this, message.ChannelId, message.Txid, header, _collectionsFor(header.Chaincode));
        string? result = await chaincode.InvokeAsync(context, function, input.Args[1].ToStringUtf8(), cancellationToken).ConfigureAwait(false);
        var response = new Protos.Response { Status = 200, Payload = result is null ? ByteString.Empty : ByteString.CopyFrom(Encoding.UTF8.GetBytes(result)) };
        return (response, context.Events.Count == 0 ? null : new Protos.ChaincodeEvent { EventName = PackedEvents.EventName, Payload = ByteString.CopyFrom(PackedEvents.Pack(context.Events)) });
    }

    private static Protos.Response Failure(string code, string message) =>
        new() { Status = ChaincodeError.Status, Message = message, Payload = ByteString.CopyFrom(ChaincodeError.Encode(code, message)) };

    private async Task ExpectAsync(Type type, CancellationToken cancellationToken)
    {
        while (await _incoming.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            Protos.ChaincodeMessage message = _incoming.Current;
            if (message.Type == Type.Keepalive)
            {
                continue;
            }

            if (message.Type != type)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"expected {type} from the peer, got {message.Type}: {message.Payload.ToStringUtf8()}"));
            }

            return;
        }

        throw new RpcException(new Status(StatusCode.Aborted, $"the peer closed the stream before {type}"));
    }

    private void Send(Protos.ChaincodeMessage message) => _sendQueue.Writer.TryWrite(message);

    // gRPC streams take one write at a time: every message goes through this queue.
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (Protos.ChaincodeMessage message in _sendQueue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await _outgoing.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1300, EventName = "ChaincodeReady", Level = LogLevel.Information, Message = "Chaincode {ChaincodeId} registered with a peer and is ready")]
    private static partial void LogReady(ILogger logger, string chaincodeId);

    [LoggerMessage(EventId = 1301, EventName = "UnexpectedMessage", Level = LogLevel.Warning, Message = "Unexpected {Type} from the peer for transaction {TransactionId}")]
    private static partial void LogUnexpected(ILogger logger, Type type, string transactionId);

    [LoggerMessage(EventId = 1302, EventName = "ChaincodeCrashed", Level = LogLevel.Error, Message = "The chaincode failed with an unexpected error in transaction {TransactionId}")]
    private static partial void LogChaincodeCrashed(ILogger logger, Exception exception, string transactionId);
}
