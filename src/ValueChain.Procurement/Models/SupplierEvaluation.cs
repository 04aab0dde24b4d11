namespace ValueChain.Procurement;

/// <summary>
/// A company's record as a supplier: deliveries that arrived (on time or late) and orders cancelled for
/// non-delivery. The on-time rate counts a failed delivery as a delivery that was not on time.
/// </summary>
/// <param name="Deliveries">Deliveries that arrived.</param>
/// <param name="OnTimeDeliveries">Of those, the ones that arrived by the requested time.</param>
/// <param name="FailedDeliveries">Orders cancelled because nothing arrived by the requested time plus the grace period.</param>
public sealed record SupplierEvaluation(long Deliveries, long OnTimeDeliveries, long FailedDeliveries)
{
    /// <summary>The most a rate can be: 100 % in basis points.</summary>
    public const int FullRate = 10_000;

    /// <summary>No history yet.</summary>
    public static SupplierEvaluation None { get; } = new(0, 0, 0);

    /// <summary>True when the supplier has delivered or failed at least once.</summary>
    public bool HasHistory => Deliveries + FailedDeliveries > 0;

    /// <summary>The on-time rate in basis points (on-time deliveries × 10 000 ÷ (deliveries + failed), rounded down), or null without history.</summary>
    public int? OnTimeRate => HasHistory ? (int)(OnTimeDeliveries * FullRate / (Deliveries + FailedDeliveries)) : null;

    /// <summary>The on-time rate, or <paramref name="startingRate"/> for a supplier without history.</summary>
    public int RateOr(int startingRate) => OnTimeRate ?? startingRate;
}
