namespace ValueChain.Flexibility;

/// <summary>The market's own stable error codes, beside <see cref="ErrorCodes"/>.</summary>
public static class FlexibilityErrorCodes
{
    /// <summary>The payer's token balance is too small: the shared <see cref="ErrorCodes.InsufficientBalance"/> of every token.</summary>
    public const string InsufficientBalance = ErrorCodes.InsufficientBalance;

    /// <summary>The spender's allowance is too small: the shared <see cref="ErrorCodes.InsufficientAllowance"/> of every token.</summary>
    public const string InsufficientAllowance = ErrorCodes.InsufficientAllowance;

    /// <summary>The call belongs to another stage of the round, or to another round.</summary>
    public const string WrongStage = "wrong_stage";

    /// <summary>The stage's gate has closed (its last minute).</summary>
    public const string GateClosed = "gate_closed";

    /// <summary>The revealed offer does not hash to its commitment, or the call does not fit the market's offer mode.</summary>
    public const string CommitmentMismatch = "commitment_mismatch";

    /// <summary>The bid is below the asking price.</summary>
    public const string BidTooLow = "bid_too_low";
}
