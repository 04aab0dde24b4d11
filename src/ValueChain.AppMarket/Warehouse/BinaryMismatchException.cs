namespace ValueChain.AppMarket;

/// <summary>A binary does not match its app record (length or SHA-256), so it must not be delivered or run; code <see cref="AppMarketErrorCodes.BinaryMismatch"/>.</summary>
public sealed class BinaryMismatchException : ValueChainException
{
    /// <summary>Creates the error for <paramref name="expected"/>, saying what differed.</summary>
    public BinaryMismatchException(BinaryReference expected, string reason)
        : base(AppMarketErrorCodes.BinaryMismatch, $"The binary {expected?.Cid} does not match its app record: {reason}.")
    {
        ArgumentNullException.ThrowIfNull(expected);
        Expected = expected;
        Reason = reason;
    }

    /// <summary>What the app record says.</summary>
    public BinaryReference Expected { get; }

    /// <summary>What differed ("length 10 instead of 12", "SHA-256 …").</summary>
    public string Reason { get; }
}
