namespace ValueChain.Traceability;

/// <summary>Why a part made a handover fail.</summary>
public enum RejectionReason
{
    /// <summary>The scanned id is not a registered part (a counterfeit or a mislabel).</summary>
    Unregistered = 1,

    /// <summary>The part is registered but not in this delivery.</summary>
    NotInDelivery = 2,

    /// <summary>A part of the delivery was not scanned.</summary>
    Missing = 3,

    /// <summary>The part is not held by the party that hands it over.</summary>
    WrongOwner = 4,

    /// <summary>The receipt is later than the requested delivery date plus the tolerance.</summary>
    Late = 5,
}
