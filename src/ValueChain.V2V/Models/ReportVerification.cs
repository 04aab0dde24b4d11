namespace ValueChain.V2V;

/// <summary>The result of <see cref="ReportVerifier"/>: the status, and the report and its anchor only when <see cref="ReportStatus.Valid"/>.</summary>
/// <param name="Status">What the check found.</param>
/// <param name="Digest">The report digest that was checked.</param>
/// <param name="Report">The verified report (Valid only).</param>
/// <param name="Anchor">Its anchor (Valid only).</param>
/// <param name="Reason">Why it is not valid, for people.</param>
public sealed record ReportVerification(ReportStatus Status, Hash32 Digest, ObstacleReport? Report, ReportAnchor? Anchor, string Reason)
{
    /// <summary>Whether the report may be used.</summary>
    public bool IsValid => Status == ReportStatus.Valid;
}
