namespace ValueChain.V2V;

/// <summary>
/// The payload of a feed message, as JSON: an anchored report's canonical bytes (hex), the obstacle and event it claims,
/// and its inclusion proof when it was anchored in a batch. Nothing in it is trusted: the receiver verifies the bytes
/// against the ledger and checks the claims against the anchor.
/// </summary>
internal sealed record ObstacleFeedMessage(long ObstacleId, ObstacleFeedEvent Event, string Report, BatchProof? Proof);
