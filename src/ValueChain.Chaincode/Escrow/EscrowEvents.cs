namespace ValueChain.Chaincode;

/// <summary>The names of the events an <see cref="Escrow"/> emits, each with the <see cref="EscrowRecord"/> after the change.</summary>
public static class EscrowEvents
{
    /// <summary>Tokens moved from the payer into the escrow's account.</summary>
    public const string Locked = "EscrowLocked";

    /// <summary>The escrow paid its payee.</summary>
    public const string Released = "EscrowReleased";

    /// <summary>The escrow paid its payer back after the deadline.</summary>
    public const string Refunded = "EscrowRefunded";
}
