namespace ValueChain.V2V.Interop;

/// <summary>
/// The end of an obstacle event as a DENM termination carries it: a negation (another station found it gone, as
/// <see cref="IV2VContract.NegateAsync"/> records) or a cancellation (the station that originated the event ended it, as a
/// service relaying the ledger's map does when the ledger expires an obstacle).
/// </summary>
/// <param name="Event">The event's action id, as its first DENM carried it.</param>
/// <param name="Kind">What the event was.</param>
/// <param name="Position">Where it was.</param>
/// <param name="DetectedAt">When it was detected (whole milliseconds).</param>
/// <param name="TerminatedAt">When it was found ended: the termination DENM's reference time (whole milliseconds).</param>
/// <param name="Termination">Negation or cancellation.</param>
public sealed record ObstacleTermination(ActionId Event, ObstacleKind Kind, GeoPoint Position, DateTimeOffset DetectedAt, DateTimeOffset TerminatedAt, DenmTermination Termination)
{
    /// <summary>The termination of a mapped obstacle that left the map: a negated one is negated, an expired one cancelled.</summary>
    /// <exception cref="EtsiConversionException">The obstacle is still active.</exception>
    public static ObstacleTermination Of(Obstacle obstacle, ActionId @event, DateTimeOffset terminatedAt)
    {
        ArgumentNullException.ThrowIfNull(obstacle);
        DenmTermination termination = obstacle.Status switch
        {
            ObstacleStatus.Negated => DenmTermination.IsNegation,
            ObstacleStatus.Expired => DenmTermination.IsCancellation,
            _ => throw new EtsiConversionException("status", obstacle.Status.ToString(), "an active obstacle has not ended"),
        };
        return new ObstacleTermination(@event, obstacle.Kind, obstacle.Position, obstacle.ReferenceDetectedAt, terminatedAt, termination);
    }
}
