using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ValueChain.Content;
using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>
/// Publishes the live obstacle feed from the ledger's events: every anchored report that mapped or confirmed an
/// obstacle goes, as its canonical bytes read back from the content store (with its inclusion proof when it came in a
/// batch), to the retained topic of its obstacle in its tile (<see cref="V2VTopics"/>). The host runs
/// <see cref="RunAsync"/> (for example from a hosted service) and cancels it to stop. Not thread-safe: one loop feeds it.
/// </summary>
public sealed partial class ObstacleFeedPublisher
{
    private static readonly V2VLiveJsonContext Json = V2VLiveJsonContext.Default;
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly IObstacleFeedConnection _connection;
    private readonly ObstacleFeedOptions _options;
    private readonly ILogger _logger;

    // The current transaction's anchored reports, by sequence: a batch's leaves, for its proofs when BatchAnchored (its
    // last event, on every driver) arrives; and its publishable reports that wait for that proof.
    private TxId? _transaction;
    private readonly SortedDictionary<long, Hash32> _anchored = [];
    private readonly List<(ReportAnchor Anchor, ObstacleFeedEvent Event)> _awaitingProof = [];

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
    }

    /// <summary>How many messages the broker accepted.</summary>
    public long Published { get; private set; }

    /// <summary>The next block to read: where a restarted publisher continues.</summary>
    public long NextBlock { get; private set; }

    /// <summary>Publishes from the events of block <paramref name="fromBlock"/> on, as they are committed, until cancelled.</summary>
    public async Task RunAsync(long fromBlock, CancellationToken cancellationToken)
    {
        NextBlock = fromBlock;
        try
        {
            await foreach (LedgerEvent e in _map.WatchEventsAsync(fromBlock, cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the host.
        }
    }

    /// <summary>Handles one of the obstacle map's events, in ledger order: what <see cref="RunAsync"/> does with each.</summary>
    public async Task HandleAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        if (_transaction != ledgerEvent.TransactionId)
        {
            _transaction = ledgerEvent.TransactionId;
            _anchored.Clear();
            _awaitingProof.Clear();
        }

        NextBlock = Math.Max(NextBlock, ledgerEvent.BlockNumber);
        switch (ledgerEvent.Name)
        {
            case V2VEvents.ReportAnchored when V2VEventPayloads.ReadAnchored(ledgerEvent.PayloadJson) is { } outcome:
                _anchored[outcome.Sequence] = outcome.Digest;
                if (outcome.Mapped || outcome.Confirmed)
                {
                    await AnchoredAsync(outcome, cancellationToken).ConfigureAwait(false);
                }

                break;
            case V2VEvents.BatchAnchored when V2VEventPayloads.ReadBatch(ledgerEvent.PayloadJson) is { } batch:
                await BatchAnchoredAsync(batch, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnchoredAsync(AnchorOutcome outcome, CancellationToken cancellationToken)
    {
        ObstacleFeedEvent kind = outcome.Mapped ? ObstacleFeedEvent.Mapped : ObstacleFeedEvent.Confirmed;
        if (await _map.GetReportAsync(outcome.Digest, cancellationToken).ConfigureAwait(false) is not { } anchor)
        {
            LogNoAnchor(_logger, outcome.Digest);
        }
        else if (anchor.BatchRoot is null)
        {
            await PublishAsync(anchor, kind, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _awaitingProof.Add((anchor, kind));
        }
    }

    private async Task BatchAnchoredAsync(ReportBatch batch, CancellationToken cancellationToken)
    {
        Hash32[] leaves = [.. _anchored.Where(a => a.Key >= batch.FirstSequence && a.Key < batch.FirstSequence + batch.Size).Select(a => a.Value)];
        if (leaves.Length != batch.Size || ReportBatchTree.Root(leaves) != batch.Root)
        {
            LogBadBatch(_logger, batch.Root, leaves.Length, batch.Size);
            return;
        }

        foreach ((ReportAnchor anchor, ObstacleFeedEvent kind) in _awaitingProof.Where(a => a.Anchor.BatchRoot == batch.Root).ToList())
        {
            int index = (int)(anchor.Sequence - batch.FirstSequence);
            await PublishAsync(anchor, kind, new BatchProof(batch.Root, index, ReportBatchTree.Path(leaves, index)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(ReportAnchor anchor, ObstacleFeedEvent kind, BatchProof? proof, CancellationToken cancellationToken)
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
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(new ObstacleFeedMessage(anchor.ObstacleId, kind, Hex.Encode(bytes), proof), Json.ObstacleFeedMessage);
        string topic = V2VTopics.Obstacle(_options.TileSizeMicrodegrees, tile, anchor.ObstacleId);
        if (await _connection.PublishAsync(topic, payload, retain: true, cancellationToken).ConfigureAwait(false))
        {
            Published++;
        }
        else
        {
            LogRefused(_logger, topic);
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
}
