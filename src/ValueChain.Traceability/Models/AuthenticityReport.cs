namespace ValueChain.Traceability;

/// <summary>Whether a part is authentic: registered by a participant that was a manufacturer (OEM or supplier) then, with an unbroken custody chain.</summary>
/// <param name="PartId">The part checked.</param>
/// <param name="IsAuthentic">The verdict.</param>
/// <param name="Reason">Why not, or null.</param>
public sealed record AuthenticityReport(string PartId, bool IsAuthentic, string? Reason);
