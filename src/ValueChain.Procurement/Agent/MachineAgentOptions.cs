namespace ValueChain.Procurement;

/// <summary>How a <see cref="MachineAgent"/> behaves.</summary>
public sealed class MachineAgentOptions
{
    /// <summary>How often the hosted loop checks the slots, the schedule and overdue orders (default one minute).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The service engineer the preventive trigger books; null: the preventive trigger only logs that maintenance is due.</summary>
    public Address? ServiceEngineer { get; set; }

    /// <summary>Whether an order overdue past its grace period is cancelled and refunded automatically (default true).</summary>
    public bool CancelOverdueOrders { get; set; } = true;

    /// <summary>The on-time rate ranking gives a supplier without history, in basis points (default 5 000).</summary>
    public int StartingRate { get; set; } = 5_000;
}
