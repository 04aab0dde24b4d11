namespace ValueChain.Procurement;

/// <summary>What a machine agent did.</summary>
public enum MachineAgentActionKind
{
    /// <summary>The corrective trigger fired (stock at or below the threshold) and the agent ordered from the best quotation.</summary>
    Ordered = 1,

    /// <summary>The corrective trigger fired but no quotation was selectable.</summary>
    NoQuotation = 2,

    /// <summary>The preventive trigger fired (maintenance due) and the agent booked the service engineer.</summary>
    ServiceBooked = 3,

    /// <summary>A scanned package's order was confirmed: paid and closed.</summary>
    ArrivalConfirmed = 4,

    /// <summary>An order overdue past its grace period was cancelled and refunded.</summary>
    Cancelled = 5,
}
