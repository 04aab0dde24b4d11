namespace ValueChain.Procurement;

/// <summary>Where a service order stands.</summary>
public enum ServiceStatus
{
    /// <summary>The machine booked a service engineer of its company.</summary>
    Booked = 1,

    /// <summary>The engineer recorded the service in the maintenance book.</summary>
    Closed = 2,
}
