using System.Text.Json;

namespace ValueChain.V2V;

/// <summary>
/// The JSON payloads of the obstacle map's events (<see cref="V2VEvents"/>) exactly as the chaincode emits them, for
/// drivers that rebuild the events from their own records (the Ethereum adapter from logs) and for readers of events.
/// </summary>
public static class V2VEventPayloads
{
    private static readonly V2VJsonContext Json = V2VJsonContext.Default;

    /// <summary><see cref="V2VEvents.CertificateIssued"/> and <see cref="V2VEvents.PseudonymExcluded"/>.</summary>
    public static string Certificate(PseudonymCertificate certificate) => JsonSerializer.Serialize(certificate, Json.PseudonymCertificate);

    /// <summary><see cref="V2VEvents.ReportAnchored"/>.</summary>
    public static string Anchored(AnchorOutcome outcome) => JsonSerializer.Serialize(outcome, Json.AnchorOutcome);

    /// <summary><see cref="V2VEvents.BatchAnchored"/>.</summary>
    public static string Batch(ReportBatch batch) => JsonSerializer.Serialize(batch, Json.ReportBatch);

    /// <summary><see cref="V2VEvents.ObstacleMapped"/>.</summary>
    public static string Mapped(Obstacle obstacle) => JsonSerializer.Serialize(obstacle, Json.Obstacle);

    /// <summary><see cref="V2VEvents.ObstacleConfirmed"/>.</summary>
    public static string Confirmation(ObstacleConfirmation confirmation) => JsonSerializer.Serialize(confirmation, Json.ObstacleConfirmation);

    /// <summary><see cref="V2VEvents.ObstacleExpired"/> and <see cref="V2VEvents.ObstacleNegated"/>.</summary>
    public static string Closure(ObstacleClosure closure) => JsonSerializer.Serialize(closure, Json.ObstacleClosure);

    /// <summary>Reads an <see cref="V2VEvents.ObstacleConfirmed"/> payload.</summary>
    public static ObstacleConfirmation? ReadConfirmation(string json) => JsonSerializer.Deserialize(json, Json.ObstacleConfirmation);

    /// <summary>Reads an <see cref="V2VEvents.ObstacleExpired"/> or <see cref="V2VEvents.ObstacleNegated"/> payload.</summary>
    public static ObstacleClosure? ReadClosure(string json) => JsonSerializer.Deserialize(json, Json.ObstacleClosure);

    /// <summary>Reads an <see cref="V2VEvents.ObstacleMapped"/> payload.</summary>
    public static Obstacle? ReadMapped(string json) => JsonSerializer.Deserialize(json, Json.Obstacle);

    /// <summary>Reads a <see cref="V2VEvents.ReportAnchored"/> payload.</summary>
    public static AnchorOutcome? ReadAnchored(string json) => JsonSerializer.Deserialize(json, Json.AnchorOutcome);
}
