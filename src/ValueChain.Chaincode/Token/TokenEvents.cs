namespace ValueChain.Chaincode;

/// <summary>The names of the events a <see cref="TokenLedger"/> emits: ERC-20's, so that both ledgers read alike.</summary>
public static class TokenEvents
{
    /// <summary>Tokens moved or were minted; the payload is a <see cref="TokenTransfer"/>.</summary>
    public const string Transfer = "Transfer";

    /// <summary>An allowance was set; the payload is a <see cref="TokenApproval"/>.</summary>
    public const string Approval = "Approval";
}
