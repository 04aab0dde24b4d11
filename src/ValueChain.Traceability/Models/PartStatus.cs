namespace ValueChain.Traceability;

/// <summary>Where a part is in its life.</summary>
public enum PartStatus
{
    /// <summary>Registered and held by its owner.</summary>
    Active = 1,

    /// <summary>Picked up by a logistics provider, on its way to the buyer.</summary>
    InTransit = 2,

    /// <summary>Built into an assembly.</summary>
    Installed = 3,

    /// <summary>Recalled by its manufacturer.</summary>
    Recalled = 4,
}
