using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ValueChain.Cryptography;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The embedded ledger: a real, single-process ledger with signed transactions, per-sender nonces,
/// membership, deterministic execution of C# chaincodes, signed blocks with Merkle roots, snapshot
/// reads, key history, events, inclusion proofs, verification and optional crash-safe persistence.
/// </summary>
public sealed class InMemoryLedger : IContractGateway, ILedgerTimeControl, IAsyncDisposable
{
    private const string LedgerNamespace = "_ledger";
    private const string NetworkIdKey = "networkId";

    private readonly InMemoryLedgerOptions _options;
    private readonly Dictionary<string, IChaincode> _chaincodes;
    private readonly LedgerStore _store;
    private readonly ConcurrentDictionary<Address, NonceLane> _lanes = new();
    private readonly CheckpointStore? _checkpoints;
    private readonly BlockProducer _producer;
    private readonly KeyDirectory _keys = new();
    private readonly CancellationTokenSource _closing = new();
    private LedgerVerification? _lastVerification;

    private InMemoryLedger(InMemoryLedgerOptions options, Dictionary<string, IChaincode> chaincodes, PrivateKey producerKey, ILogger logger)
    {
        _options = options;
        _chaincodes = chaincodes;
        ProducerAddress = producerKey.Address;
        if (options.DataDirectory is null)
        {
            _store = new LedgerStore(new MemoryBlockHistory());
        }
        else
        {
            _store = new LedgerStore(DiskBlockHistory.Open(options.DataDirectory, options.BlockCacheSize));
            try
            {
                _checkpoints = new CheckpointStore(options.DataDirectory, options.CheckpointInterval, options.CheckpointsToKeep, logger);
                OpenReport = LedgerRecovery.Recover(_store, _checkpoints, options, ProducerAddress);
            }
            catch
            {
                _store.Dispose();
                throw;
            }
        }

        if (_store.Head is null)
        {
            LedgerBlock genesis = CreateGenesis(producerKey);
            _store.Publish(genesis, new StateBuilder(StateSnapshot.Empty).Apply(genesis.GenesisWrites).Freeze(0));
        }

        _producer = new BlockProducer(_store, _checkpoints, _chaincodes, options, producerKey, _keys, logger);
        InMemoryLedgerTelemetry.Ledger.RecordHeight(options.NetworkId, _store.Height);
        if (OpenReport is { } report)
        {
            InMemoryLedgerLog.Opened(logger, options.NetworkId, _store.Height, report.CheckpointBlock, report.ReplayedBlocks, report.RejectedCheckpoints.Count);
        }

        if (options.DataDirectory is not null && options.VerifyInBackground)
        {
            BackgroundVerification = VerifyInBackgroundAsync(logger);
        }
    }

    internal static string NetworkIdStateKey { get; } = StateKeys.Stored(LedgerNamespace, NetworkIdKey);

    /// <summary>
    /// How a persisted ledger was opened (the checkpoint used, the blocks replayed, the checkpoints
    /// rejected and why); null for a ledger without a data directory.
    /// </summary>
    public LedgerOpenReport? OpenReport { get; }

    /// <summary>
    /// The full verification started after open when <see cref="InMemoryLedgerOptions.VerifyInBackground"/>
    /// is set (its outcome is also logged); null otherwise. Cancelled when the ledger is disposed.
    /// </summary>
    public Task<LedgerVerification>? BackgroundVerification { get; }

    /// <summary>False once the ledger is disposed (closing or closed).</summary>
    public bool IsOpen => !_closing.IsCancellationRequested;

    /// <summary>The outcome of the newest verification that finished (<see cref="VerifyAsync"/> or the background one), or null when none has.</summary>
    public LedgerVerification? LastVerification => Volatile.Read(ref _lastVerification);

    /// <summary>The network id every transaction must carry.</summary>
    public string NetworkId => _options.NetworkId;

    /// <summary>The address whose key signs the blocks.</summary>
    public Address ProducerAddress { get; }

    /// <summary>The header of the newest block.</summary>
    public EmbeddedBlockHeader Head => _store.Head!.Header;

    /// <summary>How many blocks the ledger holds (the genesis block included).</summary>
    public long Height => _store.Height;

    internal LedgerStore Store => _store;

    /// <summary>
    /// Opens an embedded ledger. With a <see cref="InMemoryLedgerOptions.DataDirectory"/>, it loads the newest
    /// valid checkpoint and replays the blocks after it (all blocks when there is none), verifying the
    /// replayed blocks by default; see <see cref="OpenReport"/>. Without one, it starts a new ledger from a genesis block.
    /// </summary>
    /// <exception cref="ConfigurationException">Invalid options, duplicate or reserved chaincode names, or a block file of another network or producer.</exception>
    /// <exception cref="LedgerCorruptedException">The block file does not verify.</exception>
    public static InMemoryLedger Open(InMemoryLedgerOptions options, IEnumerable<IChaincode> chaincodes, ILogger<InMemoryLedger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chaincodes);
        ValidateOptionsResult validation = new InMemoryLedgerOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ConfigurationException(validation.FailureMessage);
        }

        var registry = new Dictionary<string, IChaincode>(StringComparer.Ordinal) { [MembershipChaincode.ChaincodeName] = new MembershipChaincode() };
        foreach (IChaincode chaincode in chaincodes)
        {
            if (chaincode.Name.StartsWith('_') || !registry.TryAdd(chaincode.Name, chaincode))
            {
                throw new ConfigurationException($"Chaincode name '{chaincode.Name}' is taken or reserved (names starting with '_' belong to the ledger).");
            }
        }

        return new InMemoryLedger(options, registry, ProducerKey(options), (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    public Task<TransactionReceipt> SubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(invocation);
        return InMemoryLedgerTelemetry.Ledger.SubmitAsync(_options.NetworkId, invocation, () => SignAndSubmitAsync(signer, invocation, cancellationToken));
    }

    private async Task<TransactionReceipt> SignAndSubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        NonceLane lane = _lanes.GetOrAdd(signer.Address, _ => new NonceLane());
        Task<TransactionReceipt> receipt;

        // One sender's transactions enter the queue in nonce order; different senders proceed in parallel.
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            ulong nonce = Math.Max(lane.Next, _store.NextNonce(signer.Address));
            var transaction = new LedgerTransaction(_options.NetworkId, signer.Address, nonce, invocation);
            SignedTransaction signed = await SignedTransaction.SignAsync(transaction, signer, cancellationToken);
            receipt = _producer.SubmitAsync(signed, CancellationToken.None);
            lane.Next = nonce + 1;
        }
        finally
        {
            lane.Gate.Release();
        }

        try
        {
            return await receipt.WaitAsync(cancellationToken);
        }
        catch (TransactionRejectedException)
        {
            // The nonce was not used; start again from the ledger's count.
            lane.Next = 0;
            throw;
        }
    }

    /// <summary>Submits a transaction signed elsewhere and waits until it is committed.</summary>
    /// <exception cref="TransactionRejectedException">Bad signature, wrong network, unknown sender, replayed or skipped nonce, unknown chaincode or function.</exception>
    public Task<TransactionReceipt> SubmitTransactionAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return InMemoryLedgerTelemetry.Ledger.SubmitAsync(_options.NetworkId, transaction.Transaction.Invocation, () => _producer.SubmitAsync(transaction, cancellationToken));
    }

    /// <summary>The nonce the sender's next transaction must carry.</summary>
    public ulong GetNextNonce(Address sender) => _store.NextNonce(sender);

    /// <inheritdoc />
    /// <remarks>
    /// With a <paramref name="caller"/>, the query is signed over this ledger's network id, the call and
    /// the current ledger time, and then checked exactly as <see cref="EvaluateSignedAsync"/> checks a
    /// query signed elsewhere.
    /// </remarks>
    public Task<string?> EvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return InMemoryLedgerTelemetry.Ledger.EvaluateAsync(Call(invocation), () => SignAndEvaluateAsync(caller, invocation, cancellationToken));
    }

    private async Task<string?> SignAndEvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            return await ExecuteQueryAsync(Address.Zero, invocation, cancellationToken);
        }

        var query = new LedgerQuery(_options.NetworkId, caller.Address, invocation, await GetTimeAsync(cancellationToken));
        return await CheckAndEvaluateAsync(await SignedQuery.SignAsync(query, caller, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs a query signed elsewhere: the chaincode sees the reader recovered from the signature as its
    /// caller. Nothing executes unless the signature is the reader's over exactly this query, the query
    /// is for this network, its timestamp lies within <see cref="InMemoryLedgerOptions.QueryValidity"/>
    /// of ledger time, and (on a permissioned ledger) the reader is a member.
    /// </summary>
    /// <exception cref="TransactionRejectedException">Bad signature, wrong network, stale or future timestamp, unknown reader, chaincode or function.</exception>
    /// <exception cref="ChaincodeException">The query failed.</exception>
    public Task<string?> EvaluateSignedAsync(SignedQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InMemoryLedgerTelemetry.Ledger.EvaluateAsync(Call(query.Query.Invocation), () => CheckAndEvaluateAsync(query, cancellationToken));
    }

    private async Task<string?> CheckAndEvaluateAsync(SignedQuery query, CancellationToken cancellationToken)
    {
        LedgerQuery q = query.Query;
        DateTimeOffset now = await GetTimeAsync(cancellationToken);
        (string Code, string Message)? refusal = q switch
        {
            _ when !_keys.IsSignedByReader(query) => (ErrorCodes.BadQuerySignature, $"the query's signature is not the reader {q.Reader}'s over this query"),
            _ when q.NetworkId != _options.NetworkId => (ErrorCodes.WrongNetwork, $"the query is for network '{q.NetworkId}', not '{_options.NetworkId}'"),
            _ when (now - q.Timestamp).Duration() > _options.QueryValidity =>
                (ErrorCodes.StaleQuery, $"the query was signed at {q.Timestamp:O}, more than {_options.QueryValidity} from ledger time {now:O}"),
            _ when _options.Membership == MembershipMode.Permissioned && !MembershipChaincode.IsMember(_store.Snapshot, q.Reader) =>
                (ErrorCodes.UnknownSender, $"{q.Reader} is not a member of this ledger"),
            _ => null,
        };
        if (refusal is { } r)
        {
            throw new TransactionRejectedException(r.Code, $"Query refused: {r.Message}.");
        }

        return await ExecuteQueryAsync(q.Reader, q.Invocation, cancellationToken);
    }

    private LedgerCall Call(ContractInvocation invocation) => new(_options.NetworkId, invocation.Chaincode, invocation.Function);

    private async Task<string?> ExecuteQueryAsync(Address caller, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        if (!_chaincodes.TryGetValue(invocation.Chaincode, out IChaincode? chaincode))
        {
            throw new TransactionRejectedException(ErrorCodes.UnknownChaincode, $"No chaincode named '{invocation.Chaincode}' is deployed.");
        }

        if (!chaincode.Functions.Contains(invocation.Function))
        {
            throw new TransactionRejectedException(ErrorCodes.UnknownFunction, $"Chaincode '{invocation.Chaincode}' has no function '{invocation.Function}'.");
        }

        StateSnapshot snapshot = _store.Snapshot;
        var context = new ChaincodeContext(chaincode.Name, caller, default, await GetTimeAsync(cancellationToken), isReadOnly: true, snapshot,
            key => _store.History(key, snapshot.BlockNumber));
        try
        {
            return await chaincode.InvokeAsync(context, invocation.Function, invocation.ArgumentsJson, cancellationToken);
        }
        catch (Exception e) when (e is not ValueChainException and not OperationCanceledException)
        {
            throw new ChaincodeException(ErrorCodes.ChaincodeFailed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincode);
        return Task.FromResult(fromBlock > toBlock ? [] : _store.Blocks.Events(chaincode, fromBlock, toBlock));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincode);
        long next = Math.Max(0, fromBlock);
        while (true)
        {
            // Take the signal before reading the height, so a block published in between is not missed.
            Task published = _store.NextBlock;
            long height = _store.Height;
            if (next < height)
            {
                foreach (LedgerEvent e in _store.Blocks.Events(chaincode, next, height - 1))
                {
                    yield return e;
                }

                next = height;
            }

            await published.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The block with <paramref name="number"/>, or null beyond the head.</summary>
    public LedgerBlock? GetBlock(long number) => number >= 0 && number < Height ? _store.Blocks.Get(number) : null;

    /// <summary>A committed transaction with its receipt and block header, or null when unknown.</summary>
    public TransactionRecord? GetTransaction(TxId id) =>
        _store.Locate(id) is { } at ? BlockQueries.Transaction(_store.Blocks.Get(at.Block), at.Index) : null;

    /// <summary>An inclusion proof of a committed transaction or of its receipt, or null when unknown.</summary>
    public InclusionProof? GetProof(TxId id, ProofKind kind) =>
        _store.Locate(id) is { } at ? BlockQueries.Proof(_store.Blocks.Get(at.Block), at.Index, kind) : null;

    /// <summary>The committed value of a chaincode's key, or null.</summary>
    public byte[]? GetState(string chaincode, string key) => _store.Snapshot.Get(StateKeys.Stored(chaincode, key));

    /// <summary>Every committed version of a chaincode's key, oldest first.</summary>
    public IReadOnlyList<KeyModification> GetHistory(string chaincode, string key) =>
        _store.History(StateKeys.Stored(chaincode, key), long.MaxValue)
            .Select(e => new KeyModification(e.TransactionId, e.Timestamp, e.Value ?? ReadOnlyMemory<byte>.Empty, e.Value is null))
            .ToList();

    /// <summary>
    /// Recomputes every hash, root and signature and replays the state from genesis (whatever checkpoints
    /// exist); names the first bad block. Covers the blocks committed when it is called.
    /// </summary>
    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long height = Height;
        LedgerVerification result = await Task.Run(() => LedgerVerifier.Verify(_store.Blocks.Read(0, height), _options.NetworkId, cancellationToken), cancellationToken);
        Volatile.Write(ref _lastVerification, result);
        return result;
    }

    /// <inheritdoc />
    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _options.Clock.GetUtcNow();
        return Task.FromResult(now > Head.Timestamp ? now : Head.Timestamp);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The ledger runs on a clock it cannot move (use a <see cref="ManualLedgerClock"/>).</exception>
    public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (_options.Clock is not ManualLedgerClock clock)
        {
            throw new NotSupportedException("Ledger time can be moved only when InMemoryLedgerOptions.Clock is a ManualLedgerClock.");
        }

        clock.Advance(duration);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the block producer after the queued transactions are decided, writes a checkpoint of the head when
    /// one is due on a persisted ledger, and closes the block file and its index. Safe to call twice.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closing.IsCancellationRequested)
        {
            await _closing.CancelAsync();
        }

        await _producer.DisposeAsync();
        if (BackgroundVerification is not null)
        {
            await BackgroundVerification.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (_checkpoints is not null)
        {
            await _checkpoints.CloseAsync(_store.Head!, _store.Snapshot, _store.Nonces());
            await _checkpoints.DisposeAsync();
        }

        _store.Dispose();
    }

    private async Task<LedgerVerification> VerifyInBackgroundAsync(ILogger logger)
    {
        LedgerVerification result = await VerifyAsync(_closing.Token);
        if (result.IsValid)
        {
            InMemoryLedgerLog.Verified(logger, result.BlocksChecked);
        }
        else
        {
            InMemoryLedgerLog.CorruptionFound(logger, result.FirstInvalidBlock ?? 0, result.Problem ?? "");
        }

        return result;
    }

    private LedgerBlock CreateGenesis(PrivateKey producerKey)
    {
        List<StateWrite> writes = MembershipChaincode.GenesisWrites(_options.Admins, _options.Members)
            .Append(new StateWrite(StateKeys.Stored(LedgerNamespace, NetworkIdKey), Encoding.UTF8.GetBytes(_options.NetworkId)))
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .ToList();
        Hash32 stateHash = new StateBuilder(StateSnapshot.Empty).Apply(writes).CurrentHash;
        DateTimeOffset time = BlockProducer.TruncateToMilliseconds(_options.Clock.GetUtcNow());
        return BlockSealer.Seal(0, Hash32.Zero, time, [], [], writes, stateHash, producerKey);
    }

    private static PrivateKey ProducerKey(InMemoryLedgerOptions options)
    {
        if (options.ProducerKey is not null)
        {
            return options.ProducerKey;
        }

        if (options.DataDirectory is null)
        {
            return PrivateKey.Generate();
        }

        // A persisted ledger keeps its producer key beside the blocks, readable by the owner only.
        string path = Path.Combine(options.DataDirectory, "producer.key");
        if (File.Exists(path))
        {
            return PrivateKey.Parse(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(options.DataDirectory);
        PrivateKey key = PrivateKey.Generate();
        File.WriteAllText(path, Hex.Encode(key.ToBytes()));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    private sealed class NonceLane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ulong Next { get; set; }
    }
}
