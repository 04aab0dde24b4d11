namespace ValueChain.Traceability;

/// <summary>The state of a delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Created by the supplier, waiting for pick-up.</summary>
    Created = 1,

    /// <summary>Picked up by the logistics provider.</summary>
    PickedUp = 2,

    /// <summary>Accepted by the buyer.</summary>
    Accepted = 3,
}
