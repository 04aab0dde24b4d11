namespace ValueChain.V2V;

/// <summary>How the live obstacle feed cuts the map into tiles; the publisher and every vehicle must use the same.</summary>
public sealed record ObstacleFeedOptions
{
    /// <summary>
    /// The side of a tile in microdegrees (default 10 000, about 1.1 km of latitude). A vehicle subscribes to its tile and
    /// the eight around it, so it hears of obstacles at least one tile ahead.
    /// </summary>
    public int TileSizeMicrodegrees { get; init; } = 10_000;

    /// <summary>Checks the options, naming the setting that is wrong.</summary>
    /// <exception cref="ConfigurationException">The tile size is below 100 or above 1 000 000 microdegrees.</exception>
    public void Validate()
    {
        if (TileSizeMicrodegrees is < 100 or > 1_000_000)
        {
            throw new ConfigurationException($"ObstacleFeedOptions.TileSizeMicrodegrees must be 100 to 1 000 000 microdegrees, not {TileSizeMicrodegrees}.");
        }
    }
}
