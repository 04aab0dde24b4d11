namespace ValueChain.Chaincode;

/// <summary>Where an escrow stands; it closes once, by a release or a refund.</summary>
public enum EscrowStatus
{
    /// <summary>The tokens are held by the contract.</summary>
    Open = 1,

    /// <summary>The tokens went to the payee.</summary>
    Released = 2,

    /// <summary>The tokens went back to the payer after the deadline.</summary>
    Refunded = 3,
}
