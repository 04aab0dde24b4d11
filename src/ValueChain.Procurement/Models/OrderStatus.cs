namespace ValueChain.Procurement;

/// <summary>Where an order stands.</summary>
public enum OrderStatus
{
    /// <summary>Placed; its price × quantity is held in escrow.</summary>
    Open = 1,

    /// <summary>Arrived (a transient state within the arrival transaction, reported by its event).</summary>
    Delivered = 2,

    /// <summary>Arrived and paid: the escrow went to the supplier.</summary>
    Closed = 3,

    /// <summary>Nothing arrived in time; the machine cancelled and the escrow came back.</summary>
    Cancelled = 4,
}
