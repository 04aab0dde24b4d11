using System.Globalization;
using ValueChain.Mqtt;

namespace ValueChain.V2V;

/// <summary>
/// The live feed's MQTT topics and broker accounts. Each map tile (a <see cref="GridCell"/> of
/// <see cref="ObstacleFeedOptions.TileSizeMicrodegrees"/>) has one topic per obstacle,
/// <c>v2v/tiles/{tileSize}/{row}/{column}/obstacles/{obstacleId}</c>, whose retained message is the obstacle's latest
/// anchored report, so that a vehicle that subscribes to a tile receives the obstacles already in it. Vehicles may read
/// every tile and write none; only the publisher writes.
/// </summary>
public static class V2VTopics
{
    /// <summary>The root of every tile topic.</summary>
    public const string Root = "v2v/tiles";

    /// <summary>The topic of obstacle <paramref name="obstacleId"/> in <paramref name="tile"/> for tiles of <paramref name="tileSize"/> microdegrees.</summary>
    public static string Obstacle(int tileSize, GridCell tile, long obstacleId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Root}/{tileSize}/{tile.Latitude}/{tile.Longitude}/obstacles/{obstacleId}");

    /// <summary>The filter of every obstacle in <paramref name="tile"/>.</summary>
    public static string Tile(int tileSize, GridCell tile) =>
        string.Create(CultureInfo.InvariantCulture, $"{Root}/{tileSize}/{tile.Latitude}/{tile.Longitude}/obstacles/+");

    /// <summary>A vehicle's broker account: reads every tile, publishes on none (the broker refuses its publications).</summary>
    public static MqttAccount VehicleAccount(string username, string password) =>
        new(username, password, [new($"{Root}/#", MqttTopicAccess.Read)]);

    /// <summary>The publisher's broker account: writes every tile.</summary>
    public static MqttAccount PublisherAccount(string username, string password) =>
        new(username, password, [new($"{Root}/#", MqttTopicAccess.ReadWrite)]);

    /// <summary>Reads the tile size, tile and obstacle id out of an obstacle topic; false for any other topic.</summary>
    public static bool TryParse(string topic, out int tileSize, out GridCell tile, out long obstacleId)
    {
        ArgumentNullException.ThrowIfNull(topic);
        (tileSize, tile, obstacleId) = (0, default, 0);
        string[] levels = topic.Split('/');
        if (levels.Length != 7 || $"{levels[0]}/{levels[1]}" != Root || levels[5] != "obstacles"
            || !int.TryParse(levels[2], NumberStyles.None, CultureInfo.InvariantCulture, out tileSize)
            || !long.TryParse(levels[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long row)
            || !long.TryParse(levels[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long column)
            || !long.TryParse(levels[6], NumberStyles.None, CultureInfo.InvariantCulture, out obstacleId))
        {
            return false;
        }

        tile = new GridCell(row, column);
        return true;
    }
}
