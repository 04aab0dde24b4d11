using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>What the ledger recorded for one anchored report.</summary>
/// <param name="Digest">The SHA-256 of the report's canonical bytes (the digest of its content id).</param>
/// <param name="ContentId">The content id the report was stored under.</param>
/// <param name="Reporter">The trip address that reported it.</param>
/// <param name="ObstacleId">The obstacle it mapped or matched.</param>
/// <param name="Sequence">Its position on the ledger: 1, 2, 3 … in the order the ledger anchored reports (never the reporters' clocks).</param>
/// <param name="AnchoredAt">The ledger time of its anchoring.</param>
/// <param name="BatchRoot">The root of the batch it was anchored in, or null when it was anchored on its own.</param>
/// <param name="Confirmed">Whether it counted as a confirmation of an obstacle another pseudonym mapped.</param>
/// <param name="Flagged">Whether its reporter's reputation was below the threshold when it was anchored.</param>
/// <param name="Position">The report's position (for area queries).</param>
/// <param name="Kind">The report's kind.</param>
/// <param name="DetectedAt">The report's detection time.</param>
public sealed record ReportAnchor(
    Hash32 Digest,
    ContentId ContentId,
    Address Reporter,
    long ObstacleId,
    long Sequence,
    DateTimeOffset AnchoredAt,
    Hash32? BatchRoot,
    bool Confirmed,
    bool Flagged,
    GeoPoint Position,
    ObstacleKind Kind,
    DateTimeOffset DetectedAt);
