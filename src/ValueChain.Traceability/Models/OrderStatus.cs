namespace ValueChain.Traceability;

/// <summary>The state of an order.</summary>
public enum OrderStatus
{
    /// <summary>Placed, waiting for the supplier's delivery.</summary>
    Open = 1,

    /// <summary>Declined by the supplier.</summary>
    Declined = 2,

    /// <summary>A delivery for it exists.</summary>
    InDelivery = 3,

    /// <summary>The buyer accepted the delivery.</summary>
    Fulfilled = 4,
}
