using Microsoft.Extensions.Logging;
using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>
/// Makes the live feed's publishers and vehicle subscribers over one <see cref="IV2VContract"/> and content store, with
/// the deployment's <see cref="ObstacleFeedOptions"/>, each on the broker connection it is given.
/// <c>AddV2VObstacleFeed</c> registers one; resolve it from the container.
/// </summary>
public sealed class ObstacleFeedFactory
{
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly ILoggerFactory? _loggers;

    /// <summary>Creates a factory over <paramref name="map"/> and <paramref name="store"/> with <paramref name="options"/>, logging through <paramref name="loggers"/> when given.</summary>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public ObstacleFeedFactory(IV2VContract map, IContentStore store, ObstacleFeedOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_map, _store, Options, _loggers) = (map, store, options, loggers);
    }

    /// <summary>The feed's options.</summary>
    public ObstacleFeedOptions Options { get; }

    /// <summary>A publisher of the ledger's obstacles through <paramref name="connection"/> (run it with <see cref="ObstacleFeedPublisher.RunAsync"/>).</summary>
    public ObstacleFeedPublisher CreatePublisher(IObstacleFeedConnection connection) =>
        new(_map, _store, connection, Options, _loggers?.CreateLogger<ObstacleFeedPublisher>());

    /// <summary>A vehicle's subscriber on <paramref name="connection"/>, verifying against the ledger (run it with <see cref="ObstacleFeedSubscriber.RunAsync"/>).</summary>
    public ObstacleFeedSubscriber CreateSubscriber(IObstacleFeedConnection connection) =>
        new(connection, new ReportVerifier(_map, _store), Options, _loggers?.CreateLogger<ObstacleFeedSubscriber>());
}
