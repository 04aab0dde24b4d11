namespace ValueChain;

/// <summary>A private or public key is malformed or outside the curve's valid range.</summary>
public sealed class InvalidKeyException : ValueChainException
{
    /// <summary>Creates a key error.</summary>
    /// <param name="reason">What is wrong with the key (never the key material itself).</param>
    public InvalidKeyException(string reason)
        : base(ErrorCodes.InvalidKey, $"Invalid key: {reason}")
    {
    }
}
