namespace ValueChain.V2V.Interop;

/// <summary>A moving obstacle as one object of a CPM: the sender's object id, the report, and the motion's confidences.</summary>
/// <param name="ObjectId">The sender's id for the object, 0 to 65 535.</param>
/// <param name="Report">The report.</param>
/// <param name="Motion">The speed and heading confidences (unavailable when not given).</param>
public sealed record PerceivedObstacle(int ObjectId, DynamicObstacleReport Report, MotionConfidence? Motion = null);
