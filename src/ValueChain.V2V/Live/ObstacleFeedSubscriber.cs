using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ValueChain.V2V;

/// <summary>
/// A vehicle's end of the live feed: subscribed to its tile and the eight around it (again whenever
/// <see cref="MoveToAsync"/> crosses a tile border), it verifies every message against the ledger before use — the
/// report's bytes must be what the ledger anchored (<see cref="ReportVerifier"/>, Valid only), under the obstacle and in
/// the tile the message claims — and hands on the verified ones (<see cref="Obstacles"/>). A forged, tampered,
/// misplaced or malformed message is dropped and reported (<see cref="Refusals"/>, and a log warning). A cleared topic
/// (the publisher's empty retained message when an obstacle expires or is negated) is checked the same way: the ledger
/// must hold the obstacle as closed, and then it is handed on once (<see cref="Closures"/>).
/// <see cref="RunAsync"/> reads the connection until it closes or is cancelled.
/// </summary>
public sealed partial class ObstacleFeedSubscriber
{
    private static readonly V2VLiveJsonContext Json = V2VLiveJsonContext.Default;
    private readonly IObstacleFeedConnection _connection;
    private readonly ReportVerifier _verifier;
    private readonly ObstacleFeedOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<LiveObstacle> _obstacles = Channel.CreateUnbounded<LiveObstacle>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Channel<FeedRefusal> _refusals = Channel.CreateUnbounded<FeedRefusal>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Channel<ObstacleFeedClosure> _closures = Channel.CreateUnbounded<ObstacleFeedClosure>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly HashSet<(long ObstacleId, Hash32 Digest)> _verified = [];
    private readonly HashSet<long> _closed = [];
    // The subscribed tiles and when each was subscribed; replaced whole, never changed, so the reading loop needs no lock.
    private volatile Dictionary<GridCell, long> _tiles = [];

    /// <summary>Creates a subscriber reading <paramref name="connection"/> and verifying with <paramref name="verifier"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public ObstacleFeedSubscriber(IObstacleFeedConnection connection, ReportVerifier verifier, ObstacleFeedOptions options, ILogger<ObstacleFeedSubscriber>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_connection, _verifier, _options) = (connection, verifier, options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The tile the vehicle is in, or null before the first <see cref="MoveToAsync"/>.</summary>
    public GridCell? Tile { get; private set; }

    /// <summary>The verified obstacles, in the order they arrived.</summary>
    public ChannelReader<LiveObstacle> Obstacles => _obstacles.Reader;

    /// <summary>The obstacles that left the map (expired or negated), checked against the ledger, once each, in the order they arrived.</summary>
    public ChannelReader<ObstacleFeedClosure> Closures => _closures.Reader;

    /// <summary>The dropped messages, in the order they arrived.</summary>
    public ChannelReader<FeedRefusal> Refusals => _refusals.Reader;

    /// <summary>
    /// Tells the subscriber where the vehicle is; when that is in another tile, it subscribes to the new tile and its
    /// neighbours it was not subscribed to yet (their retained obstacles then arrive) and unsubscribes from the others.
    /// </summary>
    /// <remarks>One caller at a time (the vehicle's own loop); <see cref="RunAsync"/> may run meanwhile.</remarks>
    /// <returns>True when the vehicle changed tile (or this is the first position).</returns>
    /// <exception cref="ConfigurationException">The broker refused a subscription.</exception>
    public async Task<bool> MoveToAsync(GeoPoint position, CancellationToken cancellationToken = default)
    {
        GridCell tile = GridCell.Of(position, _options.TileSizeMicrodegrees);
        if (Tile == tile)
        {
            return false;
        }

        HashSet<GridCell> wanted = [.. tile.Neighbourhood()];
        Dictionary<GridCell, long> current = _tiles;
        await _connection.UnsubscribeAsync([.. current.Keys.Except(wanted).Select(Filter)], cancellationToken).ConfigureAwait(false);
        // The new set before subscribing: retained messages of the new tiles may arrive at once.
        long now = Stopwatch.GetTimestamp();
        _tiles = wanted.ToDictionary(t => t, t => current.TryGetValue(t, out long since) ? since : now);
        await _connection.SubscribeAsync([.. wanted.Except(current.Keys).Select(Filter)], cancellationToken).ConfigureAwait(false);
        Tile = tile;
        return true;
    }

    /// <summary>Reads, verifies and hands on what arrives until the connection closes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (ObstacleFeedPacket packet in _connection.Inbox.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(packet, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the host.
        }
        finally
        {
            _obstacles.Writer.TryComplete();
            _closures.Writer.TryComplete();
            _refusals.Writer.TryComplete();
        }
    }

    /// <summary>Verifies one message and hands it on or drops it: what <see cref="RunAsync"/> does with each.</summary>
    public async Task HandleAsync(ObstacleFeedPacket packet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(packet);
        long received = Stopwatch.GetTimestamp();
        if (!V2VTopics.TryParse(packet.Topic, out int tileSize, out GridCell tile, out long topicObstacle) || tileSize != _options.TileSizeMicrodegrees)
        {
            Refuse(packet.Topic, null, "the topic is no obstacle topic of this feed's tiles");
            return;
        }

        if (!_tiles.TryGetValue(tile, out long subscribed))
        {
            // Sent before the vehicle left that tile's neighbourhood: not wrong, just no longer wanted.
            return;
        }

        if (packet.Payload.IsEmpty)
        {
            await ClosedAsync(packet.Topic, tile, topicObstacle, cancellationToken).ConfigureAwait(false);
            return;
        }

        (ObstacleFeedMessage Message, ObstacleReport Report)? read = Read(packet);
        if (read is not { } message)
        {
            return;
        }

        if (message.Message.ObstacleId != topicObstacle || GridCell.Of(message.Report.Position, tileSize) != tile)
        {
            Refuse(packet.Topic, null, $"the message claims obstacle {message.Message.ObstacleId} at {message.Report.Position}, which is not this topic's obstacle and tile");
            return;
        }

        Hash32 digest = ReportCodec.Digest(ReportCodec.Encode(message.Report));
        if (_verified.Contains((message.Message.ObstacleId, digest)))
        {
            // Already verified and handed on (a retained message again after a re-subscription, or a QoS 1 repeat).
            return;
        }

        ReportVerification verification = await _verifier.VerifyAsync(digest, message.Message.Proof, cancellationToken).ConfigureAwait(false);
        TimeSpan took = Stopwatch.GetElapsedTime(received);
        if (!verification.IsValid)
        {
            Refuse(packet.Topic, verification.Status, $"the ledger does not vouch for it: {verification.Status}, {verification.Reason}");
            return;
        }

        if (verification.Anchor!.ObstacleId != message.Message.ObstacleId)
        {
            Refuse(packet.Topic, verification.Status, $"the report is anchored under obstacle {verification.Anchor.ObstacleId}, not {message.Message.ObstacleId}");
            return;
        }

        _verified.Add((message.Message.ObstacleId, digest));
        _obstacles.Writer.TryWrite(new LiveObstacle(message.Message.ObstacleId, message.Message.Event, verification.Report!, verification.Anchor, tile, received, took, subscribed));
    }

    // A cleared topic says the obstacle left the map; only the ledger can say so, and how.
    private async Task ClosedAsync(string topic, GridCell tile, long obstacleId, CancellationToken cancellationToken)
    {
        if (_closed.Contains(obstacleId))
        {
            // Its other tiles' topics, cleared too.
            return;
        }

        Obstacle? obstacle = await _verifier.Map.GetObstacleAsync(obstacleId, cancellationToken).ConfigureAwait(false);
        Interop.DenmTermination? termination = obstacle?.Status switch
        {
            ObstacleStatus.Expired => Interop.DenmTermination.IsCancellation,
            ObstacleStatus.Negated => Interop.DenmTermination.IsNegation,
            _ => null,
        };
        if (termination is not { } ended)
        {
            Refuse(topic, null, obstacle is null ? $"the topic was cleared, but the ledger has no obstacle {obstacleId}" : $"the topic was cleared, but the ledger holds obstacle {obstacleId} as {obstacle.Status}");
            return;
        }

        _closed.Add(obstacleId);
        _closures.Writer.TryWrite(new ObstacleFeedClosure(obstacleId, ended, obstacle!, tile));
    }

    private (ObstacleFeedMessage, ObstacleReport)? Read(ObstacleFeedPacket packet)
    {
        try
        {
            ObstacleFeedMessage message = JsonSerializer.Deserialize(packet.Payload.Span, Json.ObstacleFeedMessage)
                ?? throw new JsonException("the payload is JSON null");
            return (message, ReportCodec.Decode(Hex.Decode(message.Report ?? "", "report")));
        }
        catch (Exception e) when (e is JsonException or ValueChainFormatException or ArgumentException)
        {
            Refuse(packet.Topic, null, $"the payload is no feed message: {e.Message}");
            return null;
        }
    }

    private void Refuse(string topic, ReportStatus? status, string reason)
    {
        LogRefused(_logger, topic, reason);
        _refusals.Writer.TryWrite(new FeedRefusal(topic, status, reason));
    }

    private string Filter(GridCell tile) => V2VTopics.Tile(_options.TileSizeMicrodegrees, tile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a feed message on {Topic}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string topic, string reason);
}
