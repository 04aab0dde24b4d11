namespace ValueChain.V2V;

/// <summary>
/// The matching rule, one pure integer function run by the chaincode when a report is anchored, by the Solidity twin,
/// and by clients for a preview: a report matches an active obstacle of the same kind whose latest detection is within
/// the time window and whose (for a moving obstacle, predicted) position is within the radius. Of several, the nearest
/// wins; of equally near ones, the lowest id.
/// </summary>
/// <remarks>
/// Distances are millimetres on a local flat approximation (equirectangular): north = Δlat · 111 195 / 1000,
/// east = Δlon · 111 195 · cos(lat) / 10⁷ with cos from <see cref="FixedPointTrig"/> at the obstacle's latitude
/// (111 195 mm is one microdegree times 1000 on the mean Earth radius). Within the 25 m radius the error against the
/// great-circle distance is below 0.5 %. Positions more than one degree apart in latitude or longitude never match, and
/// a moving obstacle is predicted at most one hour from its reference time; these bounds keep every product below
/// 2^62, so nothing overflows in 64-bit arithmetic (or in Solidity's int256). Longitude differences wrap at ±180°.
/// Divisions truncate towards zero, as Solidity's do.
/// </remarks>
public static class ObstacleMatching
{
    /// <summary>Millimetres per microdegree of a great circle, times 1000 (6 371 008.8 m · π / 180 / 10⁶ · 10⁶).</summary>
    public const long MillimetresPerMicrodegreeTimes1000 = 111_195;

    /// <summary>The widest latitude or longitude difference that can still match (one degree).</summary>
    public const long MaxSpanMicrodegrees = 1_000_000;

    /// <summary>The longest a moving obstacle's position is predicted ahead of (or behind) its reference time.</summary>
    public const long MaxPredictionMilliseconds = 3_600_000;

    /// <summary>The id of the obstacle <paramref name="report"/> matches among <paramref name="candidates"/>, or null for a new obstacle.</summary>
    public static long? Match(ObstacleReport report, IEnumerable<Obstacle> candidates, MatchingRules rules)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rules);
        long radius = rules.RadiusMetres * 1000L;
        long limit = radius * radius;
        long? best = null;
        long bestDistance = long.MaxValue;
        foreach (Obstacle candidate in candidates)
        {
            if (SquaredDistance(report, candidate, rules) is not { } distance || distance > limit)
            {
                continue;
            }

            if (distance < bestDistance || (distance == bestDistance && candidate.Id < best))
            {
                best = candidate.Id;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The squared distance in mm² between <paramref name="report"/> and <paramref name="obstacle"/>'s position predicted
    /// at the report's detection time, or null when the two cannot match at all (other kind, not active, outside the time
    /// window, more than a degree apart, or a prediction of more than an hour).
    /// </summary>
    public static long? SquaredDistance(ObstacleReport report, Obstacle obstacle, MatchingRules rules)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(obstacle);
        ArgumentNullException.ThrowIfNull(rules);
        long detected = report.DetectedAtMilliseconds;
        if (obstacle.Kind != report.Kind || obstacle.Status != ObstacleStatus.Active
            || Math.Abs(detected - obstacle.LastDetectedAt.ToUnixTimeMilliseconds()) > rules.WindowMilliseconds)
        {
            return null;
        }

        long dLat = report.Position.LatitudeMicrodegrees - obstacle.Position.LatitudeMicrodegrees;
        long dLon = report.Position.LongitudeMicrodegrees - obstacle.Position.LongitudeMicrodegrees;
        dLon = dLon > 180_000_000 ? dLon - 360_000_000 : dLon < -180_000_000 ? dLon + 360_000_000 : dLon;
        if (Math.Abs(dLat) > MaxSpanMicrodegrees || Math.Abs(dLon) > MaxSpanMicrodegrees)
        {
            return null;
        }

        long north = dLat * MillimetresPerMicrodegreeTimes1000 / 1000;
        long east = dLon * MillimetresPerMicrodegreeTimes1000 * FixedPointTrig.Cos(obstacle.Position.LatitudeMicrodegrees / 10_000) / 10_000_000;
        if (obstacle.IsDynamic)
        {
            long elapsed = detected - obstacle.ReferenceDetectedAt.ToUnixTimeMilliseconds();
            if (Math.Abs(elapsed) > MaxPredictionMilliseconds)
            {
                return null;
            }

            // cm/s · ms / 100 = mm travelled along the bearing since the reference time.
            long travelled = obstacle.VelocityCentimetresPerSecond * elapsed / 100;
            north -= travelled * FixedPointTrig.Cos(obstacle.BearingCentidegrees) / FixedPointTrig.Scale;
            east -= travelled * FixedPointTrig.Sin(obstacle.BearingCentidegrees) / FixedPointTrig.Scale;
        }

        return (north * north) + (east * east);
    }
}
