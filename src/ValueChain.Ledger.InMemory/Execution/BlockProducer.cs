using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ValueChain.Cryptography;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The embedded ledger's single block producer, a two-stage pipeline. The intake stage takes submitted
/// transactions in order and checks their signatures in parallel (the costly part, on every core);
/// meanwhile the production stage, serially and deterministically, refuses what must be refused,
/// executes the rest, seals blocks, writes them to the block file and its index, publishes them and
/// hands the state to the checkpoints when one is due. Callers get
/// their receipt once the block is durable and visible.
/// </summary>
internal sealed class BlockProducer : IAsyncDisposable
{
    private const int MaxIntake = 512;

    private readonly LedgerStore _store;
    private readonly CheckpointStore? _checkpoints;
    private readonly IReadOnlyDictionary<string, IChaincode> _chaincodes;
    private readonly InMemoryLedgerOptions _options;
    private readonly PrivateKey _producer;
    private readonly KeyDirectory _keys;
    private readonly ILogger _logger;
    private readonly Channel<PendingTransaction> _queue = Channel.CreateBounded<PendingTransaction>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Channel<List<PendingTransaction>> _checked = Channel.CreateBounded<List<PendingTransaction>>(
        new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly Task _intake;
    private readonly Task _production;

    public BlockProducer(LedgerStore store, CheckpointStore? checkpoints, IReadOnlyDictionary<string, IChaincode> chaincodes, InMemoryLedgerOptions options, PrivateKey producer, KeyDirectory keys, ILogger logger)
    {
        _store = store;
        _checkpoints = checkpoints;
        _chaincodes = chaincodes;
        _options = options;
        _producer = producer;
        _keys = keys;
        _logger = logger;
        _intake = Task.Run(IntakeAsync);
        _production = Task.Run(ProductionAsync);
    }

    public async Task<TransactionReceipt> SubmitAsync(SignedTransaction transaction, CancellationToken cancellationToken)
    {
        var pending = new PendingTransaction(transaction);
        await _queue.Writer.WriteAsync(pending, cancellationToken);

        // Once queued, the transaction will be decided; cancelling only stops the wait.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking transactions and waits until the queued ones are decided. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _intake;
        await _production;
    }

    private async Task IntakeAsync()
    {
        ChannelReader<PendingTransaction> reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                var intake = new List<PendingTransaction>();
                Drain(reader, intake);
                if (_options.BlockLinger > TimeSpan.Zero)
                {
                    await LingerAsync(reader, intake);
                }

                CheckSignatures(intake);
                await _checked.Writer.WriteAsync(intake);
            }
        }
        finally
        {
            _checked.Writer.TryComplete();
        }
    }

    private async Task ProductionAsync()
    {
        // Block spans are roots: whichever span was current where the ledger was opened is not their parent.
        Activity.Current = null;
        await foreach (List<PendingTransaction> intake in _checked.Reader.ReadAllAsync())
        {
            try
            {
                await ProduceAsync(intake);
            }
            catch (Exception e)
            {
                // Nothing of this intake was published; its callers learn why, and the producer goes on.
                InMemoryLedgerLog.ProductionFailed(_logger, e);
                foreach (PendingTransaction pending in intake)
                {
                    pending.Completion.TrySetException(e);
                }
            }
        }
    }

    private void Drain(ChannelReader<PendingTransaction> reader, List<PendingTransaction> intake)
    {
        // With a linger, an intake is one block, so a partial block always gets its full linger.
        int limit = _options.BlockLinger > TimeSpan.Zero ? _options.MaxBlockTransactions : Math.Max(MaxIntake, _options.MaxBlockTransactions);
        while (intake.Count < limit && reader.TryRead(out PendingTransaction? pending))
        {
            intake.Add(pending);
        }
    }

    // Waits for more transactions until the block is full or the linger time is up, whichever comes first.
    private async Task LingerAsync(ChannelReader<PendingTransaction> reader, List<PendingTransaction> intake)
    {
        using var timeout = new CancellationTokenSource(_options.BlockLinger);
        while (intake.Count < _options.MaxBlockTransactions)
        {
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Drain(reader, intake);
        }
    }

    // Signature checks dominate the cost of a transaction and depend on nothing but the transaction,
    // so they run in parallel; everything after is serial.
    private void CheckSignatures(List<PendingTransaction> intake)
    {
        if (intake.Count < 4)
        {
            intake.ForEach(CheckSignature);
            return;
        }

        Parallel.ForEach(intake, CheckSignature);
    }

    private void CheckSignature(PendingTransaction pending)
    {
        try
        {
            pending.SignatureValid = _keys.IsSignedBySender(pending.Transaction);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a malformed transaction makes the check throw, it is a bad signature, not a stopped ledger.
            pending.SignatureValid = false;
        }
    }

    private async Task ProduceAsync(List<PendingTransaction> intake)
    {
        BlockDraft? draft = null;
        Activity? span = null;
        try
        {
            foreach (PendingTransaction pending in intake)
            {
                draft ??= NewDraft();
                string? refusal = Refusal(pending, draft, out string code);
                if (refusal is not null)
                {
                    InMemoryLedgerLog.TransactionRefused(_logger, pending.Transaction.Transaction.Id, code, refusal);
                    pending.Completion.TrySetException(new TransactionRejectedException(code, refusal));
                    continue;
                }

                span ??= InMemoryLedgerTelemetry.Ledger.Source.StartActivity(InMemoryLedgerTelemetry.BlockSpan);
                await ExecuteAsync(pending, draft);
                if (draft.Transactions.Count >= _options.MaxBlockTransactions)
                {
                    Commit(draft, span);
                    (draft, span) = (null, null);
                }
            }

            if (draft is { Transactions.Count: > 0 })
            {
                Commit(draft, span);
                span = null;
            }
        }
        catch (Exception e)
        {
            LedgerInstruments.Fail(span, LedgerInstruments.ErrorTypeOf(e), e.Message);
            throw;
        }
        finally
        {
            span?.Dispose();
        }
    }

    private BlockDraft NewDraft()
    {
        LedgerBlock head = _store.Head!;
        DateTimeOffset now = _options.Clock.GetUtcNow();
        DateTimeOffset timestamp = now > head.Header.Timestamp ? now : head.Header.Timestamp; // ledger time never goes back
        return new BlockDraft(head.Number + 1, head.Header.Hash, TruncateToMilliseconds(timestamp), _store.Snapshot);
    }

    private string? Refusal(PendingTransaction pending, BlockDraft draft, out string code)
    {
        LedgerTransaction transaction = pending.Transaction.Transaction;
        (code, string? reason) = true switch
        {
            _ when !pending.SignatureValid => (ErrorCodes.BadTransactionSignature, $"the signature of transaction {transaction.Id} is not the sender {transaction.Sender}'s"),
            _ when transaction.NetworkId != _options.NetworkId => (ErrorCodes.WrongNetwork, $"transaction {transaction.Id} is for network '{transaction.NetworkId}', not '{_options.NetworkId}'"),
            _ when _options.Membership == MembershipMode.Permissioned && !MembershipChaincode.IsMember(draft.State, transaction.Sender) => (ErrorCodes.UnknownSender, $"{transaction.Sender} is not a member of this ledger"),
            _ => NonceRefusal(transaction, draft) ?? InvocationRefusal(transaction.Invocation) ?? ("", null),
        };
        return reason is null ? null : $"Transaction refused: {reason}.";
    }

    private (string, string?)? NonceRefusal(LedgerTransaction transaction, BlockDraft draft)
    {
        ulong expected = draft.Nonces.TryGetValue(transaction.Sender, out ulong next) ? next : _store.NextNonce(transaction.Sender);
        return transaction.Nonce < expected ? (ErrorCodes.NonceReplayed, $"nonce {transaction.Nonce} of {transaction.Sender} was already used (next is {expected})")
            : transaction.Nonce > expected ? (ErrorCodes.NonceGap, $"nonce {transaction.Nonce} of {transaction.Sender} skips ahead (next is {expected})")
            : null;
    }

    private (string, string?)? InvocationRefusal(ContractInvocation invocation) =>
        !_chaincodes.TryGetValue(invocation.Chaincode, out IChaincode? chaincode) ? (ErrorCodes.UnknownChaincode, $"no chaincode named '{invocation.Chaincode}' is deployed")
        : !chaincode.Functions.Contains(invocation.Function) ? (ErrorCodes.UnknownFunction, $"chaincode '{invocation.Chaincode}' has no function '{invocation.Function}'")
        : null;

    private async Task ExecuteAsync(PendingTransaction pending, BlockDraft draft)
    {
        LedgerTransaction transaction = pending.Transaction.Transaction;
        IChaincode chaincode = _chaincodes[transaction.Invocation.Chaincode];
        var context = new ChaincodeContext(chaincode.Name, transaction.Sender, transaction.Id, draft.Timestamp, isReadOnly: false, draft.State,
            key => _store.History(key, long.MaxValue));
        ReceiptRecord receipt;
        try
        {
            string? result = await chaincode.InvokeAsync(context, transaction.Invocation.Function, transaction.Invocation.ArgumentsJson);
            IReadOnlyList<StateWrite> writes = context.Writes();
            draft.State.Apply(writes);
            receipt = new ReceiptRecord(transaction.Id, TransactionStatus.Succeeded, result, null, null, context.Events.ToList(), writes);
        }
        catch (ValueChainException e)
        {
            // A chaincode's typed failure, or a typed error of the SDK it called (a malformed address in its arguments).
            receipt = Failed(transaction.Id, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A chaincode bug must not stop the ledger: the transaction fails, recorded, and changes nothing.
            receipt = Failed(transaction.Id, ErrorCodes.ChaincodeFailed, $"{e.GetType().Name}: {e.Message}");
        }

        draft.Nonces[transaction.Sender] = transaction.Nonce + 1;
        draft.Transactions.Add(pending.Transaction);
        draft.Receipts.Add(receipt);
        draft.Pending.Add(pending);
    }

    private static ReceiptRecord Failed(TxId id, string code, string message) =>
        new(id, TransactionStatus.Failed, null, code, message, [], []);

    private void Commit(BlockDraft draft, Activity? span)
    {
        LedgerBlock block = BlockSealer.Seal(draft.Number, draft.PreviousHash, draft.Timestamp, draft.Transactions, draft.Receipts, [], draft.State.CurrentHash, _producer);
        StateSnapshot state = draft.State.Freeze(block.Number);
        _store.Publish(block, state);
        _checkpoints?.Committed(block, state, _store.Nonces);
        InMemoryLedgerTelemetry.Ledger.RecordHeight(_options.NetworkId, block.Number + 1);
        span?.SetTag(TelemetryNames.LedgerKind, InMemoryLedgerTelemetry.LedgerKind);
        span?.SetTag(TelemetryNames.LedgerNetwork, _options.NetworkId);
        span?.SetTag(TelemetryNames.BlockNumber, block.Number);
        span?.SetTag(TelemetryNames.TransactionCount, draft.Transactions.Count);
        span?.Dispose();

        int eventIndex = 0;
        for (int i = 0; i < draft.Pending.Count; i++)
        {
            ReceiptRecord receipt = draft.Receipts[i];
            draft.Pending[i].Completion.TrySetResult(BlockSealer.ToTransactionReceipt(receipt, block.Number, eventIndex));
            eventIndex += receipt.Events.Count;
        }
    }

    internal static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

}
