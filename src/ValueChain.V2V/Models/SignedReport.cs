using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>A report with its content id and its reporter's signature over <see cref="ReportCodec.SigningDigest"/>, for batch anchoring by a relay.</summary>
/// <param name="Report">The report.</param>
/// <param name="ContentId">The content id the report is stored under.</param>
/// <param name="Signature">The reporter's signature.</param>
public sealed record SignedReport(ObstacleReport Report, ContentId ContentId, RecoverableSignature Signature);
