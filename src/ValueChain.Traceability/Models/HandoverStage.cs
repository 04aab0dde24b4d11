namespace ValueChain.Traceability;

/// <summary>Which handover of a delivery.</summary>
public enum HandoverStage
{
    /// <summary>Supplier to logistics provider.</summary>
    PickUp = 1,

    /// <summary>Logistics provider to buyer.</summary>
    Acceptance = 2,
}
