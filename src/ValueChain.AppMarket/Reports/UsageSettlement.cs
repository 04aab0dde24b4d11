namespace ValueChain.AppMarket;

/// <summary>What one usage report of a settlement did.</summary>
/// <param name="DeviceId">The device the report names.</param>
/// <param name="AppId">The app the report names.</param>
/// <param name="Counter">The report's counter.</param>
/// <param name="Units">The new units paid (zero when rejected).</param>
/// <param name="Paid">The tokens moved from the company to the developer.</param>
/// <param name="Rejection">Why it paid nothing, or null when it was settled.</param>
public sealed record UsageSettlement(string DeviceId, string AppId, ulong Counter, ulong Units, UInt256 Paid, UsageRejectionReason? Rejection);
