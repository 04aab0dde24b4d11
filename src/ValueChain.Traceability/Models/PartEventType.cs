namespace ValueChain.Traceability;

/// <summary>The kinds of events in a part's history.</summary>
public enum PartEventType
{
    /// <summary>The part was registered by its manufacturer.</summary>
    Registered = 1,

    /// <summary>The part was built into an assembly (or, for an assembly, a component was added).</summary>
    Assembled = 2,

    /// <summary>The part was scanned.</summary>
    Scanned = 3,

    /// <summary>A logistics provider picked the part up.</summary>
    PickedUp = 4,

    /// <summary>The buyer received the part.</summary>
    Delivered = 5,

    /// <summary>A handover of the part was rejected.</summary>
    HandoverRejected = 6,

    /// <summary>Custody of the part moved.</summary>
    OwnershipTransferred = 7,

    /// <summary>The part was recalled.</summary>
    Recalled = 8,

    /// <summary>Custody was corrected by admin approval, outside any order (<see cref="PartEvent.Related"/> is the new holder).</summary>
    OwnershipCorrected = 9,
}
