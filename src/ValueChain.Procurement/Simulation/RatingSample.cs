namespace ValueChain.Procurement;

/// <summary>A supplier's on-time rate at the end of one simulated day (null before its first delivery).</summary>
/// <param name="Day">The day, from 1.</param>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="Rate">Its on-time rate in basis points, or null without history.</param>
/// <param name="OrdersWon">Orders it had won by then.</param>
public sealed record RatingSample(int Day, string CompanyId, int? Rate, int OrdersWon);
