namespace ValueChain.Traceability;

/// <summary>What a participant does in the supply chain.</summary>
public enum ParticipantRole
{
    /// <summary>A vehicle manufacturer: registers, assembles, orders and receives parts.</summary>
    Oem = 1,

    /// <summary>A supplier of any tier: registers, assembles, sells, orders and receives parts.</summary>
    Supplier = 2,

    /// <summary>A logistics service provider: picks up and hands over deliveries, scans parts.</summary>
    Lsp = 3,
}
