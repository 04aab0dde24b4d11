namespace ValueChain.V2V;

/// <summary>A feed message a vehicle dropped: forged, tampered, misplaced or malformed.</summary>
/// <param name="Topic">The topic it arrived on.</param>
/// <param name="Status">The verification's answer when the report was verified (never <see cref="ReportStatus.Valid"/> unless a claim beside it was false); null when it was not even readable.</param>
/// <param name="Reason">What was wrong.</param>
public sealed record FeedRefusal(string Topic, ReportStatus? Status, string Reason);
