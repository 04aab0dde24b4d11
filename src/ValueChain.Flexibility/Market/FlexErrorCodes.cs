namespace ValueChain.Flexibility;

/// <summary>The market's own stable error codes, beside <see cref="ErrorCodes"/>.</summary>
public static class FlexErrorCodes
{
    /// <summary>The payer's token balance is too small.</summary>
    public const string InsufficientBalance = "insufficient_balance";

    /// <summary>The spender's allowance is too small.</summary>
    public const string InsufficientAllowance = "insufficient_allowance";
}
