namespace ValueChain.Cryptography;

/// <summary>
/// Which on-chain check an off-chain signature check must match exactly.
/// </summary>
public enum RecoveryMode
{
    /// <summary>
    /// The rules of Ethereum's <c>ecrecover</c> precompile: r and s in [1, n − 1] (a high s is
    /// accepted, so signatures are malleable) and v of 27 or 28.
    /// </summary>
    Precompile = 1,

    /// <summary>
    /// The rules of transaction signatures (EIP-2) and OpenZeppelin's ECDSA library: r in [1, n − 1],
    /// s in [1, n/2] (low s only), and v of 27 or 28, or the y-parity 0 or 1.
    /// </summary>
    Strict = 2,
}
