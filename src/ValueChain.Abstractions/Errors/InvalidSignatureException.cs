namespace ValueChain;

/// <summary>A signature is malformed, has a component out of range, or does not verify.</summary>
public sealed class InvalidSignatureException : ValueChainException
{
    /// <summary>Creates a signature error.</summary>
    /// <param name="reason">What is wrong, naming the offending component.</param>
    public InvalidSignatureException(string reason)
        : base(ErrorCodes.InvalidSignature, $"Invalid signature: {reason}")
    {
    }
}
