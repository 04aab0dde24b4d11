using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ValueChain.Content;
using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>
/// Publishes the live obstacle feed from the ledger's events: every anchored report that mapped or confirmed an
/// obstacle goes, as its canonical bytes read back from the content store (with its inclusion proof when it came in a
/// batch), to the retained topic of its obstacle in its tile (<see cref="V2VTopics"/>); an obstacle that expires or is
/// negated has its retained topics cleared (an empty retained message, which subscribers also receive and check against
/// the ledger: <see cref="ObstacleFeedSubscriber.Closures"/>). Events are read in ledger order, one loop at a time, but
/// the reads and publications they cause run concurrently (up to <see cref="ObstacleFeedOptions.MaxConcurrentPublications"/>),
/// in ledger order per obstacle, so that an obstacle's retained message is always its latest report. The host runs
/// <see cref="RunAsync"/> (for example from a hosted service) and cancels it to stop.
/// </summary>
public sealed partial class ObstacleFeedPublisher
{
    private static readonly V2VLiveJsonContext Json = V2VLiveJsonContext.Default;
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly IObstacleFeedConnection _connection;
    private readonly ObstacleFeedOptions _options;
    private readonly ILogger _logger;
    // The publication slots, as tokens in a channel (a semaphore that needs no disposing).
    private readonly Channel<bool> _slots;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, int> _inFlightByBlock = [];
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<GridCell, byte>> _tilesByObstacle = new();
    private long _published;
    private long _nextBlock;
    private ExceptionDispatchInfo? _failure;

    // The event loop's own state (one caller at a time): the current transaction's anchored reports, by sequence (a
    // batch's leaves, for its proofs when BatchAnchored, its last event on every driver, arrives) and its publishable
    // reports, which may wait for that proof; the latest publication of each obstacle, which the next one waits for.
    private TxId? _transaction;
    private readonly SortedDictionary<long, Hash32> _anchored = [];
    private readonly List<PendingReport> _awaitingProof = [];
    private readonly Dictionary<long, Task> _lastByObstacle = [];
    private readonly List<Task> _publications = [];

    /// <summary>Creates a publisher that reads <paramref name="map"/> and <paramref name="store"/> and publishes through <paramref name="connection"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public ObstacleFeedPublisher(IV2VContract map, IContentStore store, IObstacleFeedConnection connection, ObstacleFeedOptions options, ILogger<ObstacleFeedPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_map, _store, _connection, _options) = (map, store, connection, options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _slots = Channel.CreateBounded<bool>(options.MaxConcurrentPublications);
        for (int i = 0; i < options.MaxConcurrentPublications; i++)
        {
            _slots.Writer.TryWrite(true);
        }
    }

    /// <summary>How many messages the broker accepted (reports, and the clears of closed obstacles).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>The next block to read: where a restarted publisher continues (the oldest block with a publication still under way).</summary>
    public long NextBlock
    {
        get
        {
            lock (_gate)
            {
                return _inFlightByBlock.Count > 0 ? _inFlightByBlock.First().Key : _nextBlock;
            }
        }
    }

    /// <summary>Publishes from the events of block <paramref name="fromBlock"/> on, as they are committed, until cancelled.</summary>
    /// <exception cref="Exception">A publication failed (the broker or the content store went away); the publisher stops.</exception>
    public async Task RunAsync(long fromBlock, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _nextBlock = fromBlock;
        }

        try
        {
            await foreach (LedgerEvent e in _map.WatchEventsAsync(fromBlock, cancellationToken).ConfigureAwait(false))
            {
                await DispatchAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the host.
        }
        finally
        {
            EndTransaction();
            await Task.WhenAll(_publications).ConfigureAwait(false);
        }

        _failure?.Throw();
    }

    /// <summary>
    /// Handles one of the obstacle map's events, in ledger order, as <see cref="RunAsync"/> does with each, and waits for
    /// the publications it makes due (a batched report's waits for its batch's last event).
    /// </summary>
    /// <exception cref="Exception">A publication failed.</exception>
    public async Task HandleAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        await DispatchAsync(ledgerEvent, cancellationToken).ConfigureAwait(false);
        List<PendingReport> waiting = [.. _awaitingProof];
        await Task.WhenAll(waiting.Select(w => Settled(w.Anchor))).ConfigureAwait(false);
        HashSet<Task> forProof = [.. waiting.Where(w => w.Anchor.IsCompletedSuccessfully && w.Anchor.Result?.BatchRoot is not null && !w.Proof.Task.IsCompleted).Select(w => w.Publication)];
        await Task.WhenAll(_publications.Where(p => !forProof.Contains(p))).ConfigureAwait(false);
        _failure?.Throw();
    }

    private async Task DispatchAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken)
    {
        _failure?.Throw();
        if (_transaction != ledgerEvent.TransactionId)
        {
            EndTransaction();
            _transaction = ledgerEvent.TransactionId;
        }

        lock (_gate)
        {
            _nextBlock = Math.Max(_nextBlock, ledgerEvent.BlockNumber);
        }

        switch (ledgerEvent.Name)
        {
            case V2VEvents.ReportAnchored when V2VEventPayloads.ReadAnchored(ledgerEvent.PayloadJson) is { } outcome:
                _anchored[outcome.Sequence] = outcome.Digest;
                if (outcome.Mapped || outcome.Confirmed)
                {
                    // A slot for the anchor's read, so that a backlog of events waits here rather than piling up reads.
                    await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var pending = new PendingReport(outcome, ReadAnchorAsync(outcome.Digest, cancellationToken));
                    _awaitingProof.Add(pending);
                    pending.Publication = Chain(ledgerEvent.BlockNumber, outcome.ObstacleId, previous => PublishReportAsync(pending, previous, cancellationToken));
                }

                break;
            case V2VEvents.BatchAnchored when V2VEventPayloads.ReadBatch(ledgerEvent.PayloadJson) is { } batch:
                BatchAnchored(batch);
                break;
            case V2VEvents.ObstacleExpired or V2VEvents.ObstacleNegated when V2VEventPayloads.ReadClosure(ledgerEvent.PayloadJson) is { } closure:
                _ = Chain(ledgerEvent.BlockNumber, closure.ObstacleId, previous => ClearAsync(closure.ObstacleId, previous, cancellationToken));
                break;
        }

        PruneFinished();
    }

    private void BatchAnchored(ReportBatch batch)
    {
        Hash32[] leaves = [.. _anchored.Where(a => a.Key >= batch.FirstSequence && a.Key < batch.FirstSequence + batch.Size).Select(a => a.Value)];
        bool whole = leaves.Length == batch.Size && ReportBatchTree.Root(leaves) == batch.Root;
        if (!whole)
        {
            LogBadBatch(_logger, batch.Root, leaves.Length, batch.Size);
        }

        foreach (PendingReport pending in _awaitingProof.Where(p => p.Outcome.Sequence >= batch.FirstSequence && p.Outcome.Sequence < batch.FirstSequence + batch.Size))
        {
            int index = (int)(pending.Outcome.Sequence - batch.FirstSequence);
            pending.Proof.TrySetResult(whole ? new BatchProof(batch.Root, index, ReportBatchTree.Path(leaves, index)) : null);
        }
    }

    // A transaction's events are over: a report still waiting for a proof will not get one.
    private void EndTransaction()
    {
        foreach (PendingReport pending in _awaitingProof)
        {
            pending.Proof.TrySetResult(null);
        }

        _awaitingProof.Clear();
        _anchored.Clear();
    }

    // Starts a publication of an obstacle after its previous one, counted under its block until it is done; a failure
    // is kept for the loop to rethrow, so a chained publication never throws.
    private Task Chain(long block, long obstacleId, Func<Task, Task> publish)
    {
        Task previous = _lastByObstacle.TryGetValue(obstacleId, out Task? last) ? last : Task.CompletedTask;
        lock (_gate)
        {
            _inFlightByBlock[block] = _inFlightByBlock.GetValueOrDefault(block) + 1;
        }

        Task publication = TrackAsync(block, publish(previous));
        _lastByObstacle[obstacleId] = publication;
        _publications.Add(publication);
        return publication;
    }

    private async Task TrackAsync(long block, Task publication)
    {
        try
        {
            await publication.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the host.
        }
        catch (Exception e)
        {
            LogFailed(_logger, e);
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlightByBlock[block] == 0)
                {
                    _inFlightByBlock.Remove(block);
                }
            }
        }
    }

    private void PruneFinished()
    {
        if (_publications.Count > 4 * _options.MaxConcurrentPublications)
        {
            _publications.RemoveAll(p => p.IsCompleted);
        }

        if (_lastByObstacle.Count > 4 * _options.MaxConcurrentPublications)
        {
            foreach (long done in _lastByObstacle.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
            {
                _lastByObstacle.Remove(done);
            }
        }
    }

    private async Task<ReportAnchor?> ReadAnchorAsync(Hash32 digest, CancellationToken cancellationToken)
    {
        try
        {
            return await _map.GetReportAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Writer.TryWrite(true);
        }
    }

    private async Task PublishReportAsync(PendingReport pending, Task previous, CancellationToken cancellationToken)
    {
        if (await pending.Anchor.ConfigureAwait(false) is not { } anchor)
        {
            LogNoAnchor(_logger, pending.Outcome.Digest);
            return;
        }

        BatchProof? proof = null;
        if (anchor.BatchRoot is not null && (proof = await pending.Proof.Task.ConfigureAwait(false)) is null)
        {
            // Its batch did not rebuild (logged) or never announced itself: nothing to prove it with.
            return;
        }

        await previous.ConfigureAwait(false);
        await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            byte[]? bytes;
            try
            {
                bytes = await _store.GetRecordAsync(anchor.ContentId, cancellationToken).ConfigureAwait(false);
            }
            catch (ContentCorruptedException e)
            {
                LogNotStored(_logger, anchor.Digest, anchor.ContentId, e.Reason);
                return;
            }

            if (bytes is null || ReportCodec.Digest(bytes) != anchor.Digest)
            {
                LogNotStored(_logger, anchor.Digest, anchor.ContentId, bytes is null ? "missing" : "other bytes");
                return;
            }

            GridCell tile = GridCell.Of(anchor.Position, _options.TileSizeMicrodegrees);
            _tilesByObstacle.GetOrAdd(anchor.ObstacleId, _ => new())[tile] = 0;
            ObstacleFeedEvent kind = pending.Outcome.Mapped ? ObstacleFeedEvent.Mapped : ObstacleFeedEvent.Confirmed;
            byte[] payload = JsonSerializer.SerializeToUtf8Bytes(new ObstacleFeedMessage(anchor.ObstacleId, kind, Hex.Encode(bytes), proof), Json.ObstacleFeedMessage);
            await PublishAsync(V2VTopics.Obstacle(_options.TileSizeMicrodegrees, tile, anchor.ObstacleId), payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Writer.TryWrite(true);
        }
    }

    // Clears the obstacle's retained message in every tile this publisher put one in, and in the tile of its first
    // position (which a restarted publisher knows from the ledger alone).
    private async Task ClearAsync(long obstacleId, Task previous, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HashSet<GridCell> tiles = _tilesByObstacle.TryRemove(obstacleId, out ConcurrentDictionary<GridCell, byte>? published) ? [.. published.Keys] : [];
            if (await _map.GetObstacleAsync(obstacleId, cancellationToken).ConfigureAwait(false) is { } obstacle)
            {
                tiles.Add(GridCell.Of(obstacle.Position, _options.TileSizeMicrodegrees));
            }

            foreach (GridCell tile in tiles)
            {
                await PublishAsync(V2VTopics.Obstacle(_options.TileSizeMicrodegrees, tile, obstacleId), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _slots.Writer.TryWrite(true);
        }
    }

    private async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (await _connection.PublishAsync(topic, payload, retain: true, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _published);
        }
        else
        {
            LogRefused(_logger, topic);
        }
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Its publication reports it.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger announced report {Digest} but has no anchor for it; not published")]
    private static partial void LogNoAnchor(ILogger logger, Hash32 digest);

    [LoggerMessage(Level = LogLevel.Error, Message = "The events of batch {Root} do not rebuild its root ({Found} of {Size} reports); its reports are not published")]
    private static partial void LogBadBatch(ILogger logger, Hash32 root, int found, int size);

    [LoggerMessage(Level = LogLevel.Error, Message = "The content store does not hold the anchored bytes of report {Digest} ({ContentId}: {Problem}); not published")]
    private static partial void LogNotStored(ILogger logger, Hash32 digest, ContentId contentId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broker refused the publication on {Topic}")]
    private static partial void LogRefused(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "A feed publication failed; the publisher stops")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    // A publishable report of the current transaction: its anchor's read, and the inclusion proof its batch gives it.
    private sealed class PendingReport(AnchorOutcome outcome, Task<ReportAnchor?> anchor)
    {
        public AnchorOutcome Outcome { get; } = outcome;

        public Task<ReportAnchor?> Anchor { get; } = anchor;

        public TaskCompletionSource<BatchProof?> Proof { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Publication { get; set; } = Task.CompletedTask;
    }
}
