namespace ValueChain.V2V;

/// <summary>
/// How the live obstacle feed cuts the map into tiles and how much its publisher does at once; the publisher and every
/// vehicle must use the same tile size. Bound from configuration by <c>AddV2VObstacleFeed(IConfiguration)</c> and
/// checked at start-up by <see cref="ObstacleFeedOptionsValidator"/>.
/// </summary>
public sealed class ObstacleFeedOptions
{
    /// <summary>
    /// The side of a tile in microdegrees (default 10 000, about 1.1 km of latitude). A vehicle subscribes to its tile and
    /// the eight around it, so it hears of obstacles at least one tile ahead.
    /// </summary>
    public int TileSizeMicrodegrees { get; set; } = 10_000;

    /// <summary>
    /// How many reads and publications the publisher runs at once (default 64, 1 to 4096); 1 publishes one report after
    /// the other. Whatever the setting, an obstacle's messages go out in ledger order.
    /// </summary>
    public int MaxConcurrentPublications { get; set; } = 64;

    /// <summary>Checks the options, naming the setting that is wrong.</summary>
    /// <exception cref="ConfigurationException">A setting is out of range; the message lists every failure.</exception>
    public void Validate() => ObstacleFeedOptionsValidator.ThrowIfInvalid(this);
}
