namespace ValueChain.V2V;

/// <summary>The names of the events the obstacle map emits, for drivers that rebuild them (the Ethereum adapter) and for readers of events.</summary>
public static class V2VEvents
{
    /// <summary>The issuer certified a trip address (payload: the <see cref="PseudonymCertificate"/>).</summary>
    public const string CertificateIssued = "CertificateIssued";

    /// <summary>An authority excluded a pseudonym (payload: the excluded <see cref="PseudonymCertificate"/>).</summary>
    public const string PseudonymExcluded = "PseudonymExcluded";

    /// <summary>A report was anchored (payload: <see cref="AnchorOutcome"/>).</summary>
    public const string ReportAnchored = "ReportAnchored";

    /// <summary>A batch root was anchored (payload: the <see cref="ReportBatch"/>).</summary>
    public const string BatchAnchored = "BatchAnchored";

    /// <summary>A report made a new obstacle (payload: the new <see cref="Obstacle"/>).</summary>
    public const string ObstacleMapped = "ObstacleMapped";

    /// <summary>A report matched an obstacle (payload: <see cref="ObstacleConfirmation"/>; <c>counted</c> says whether it raised the first reporter's reputation).</summary>
    public const string ObstacleConfirmed = "ObstacleConfirmed";

    /// <summary>An obstacle expired without a confirmation for the expiry time (payload: <see cref="ObstacleClosure"/>).</summary>
    public const string ObstacleExpired = "ObstacleExpired";

    /// <summary>Another vehicle reported an obstacle gone (payload: <see cref="ObstacleClosure"/>).</summary>
    public const string ObstacleNegated = "ObstacleNegated";
}
