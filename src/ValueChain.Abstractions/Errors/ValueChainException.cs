namespace ValueChain;

/// <summary>
/// Base of every error the ValueChain SDK raises on purpose. <see cref="Code"/> is stable across
/// versions and drivers, so callers can branch on it; the message is for people.
/// </summary>
public class ValueChainException : Exception
{
    /// <summary>Creates an error with a stable code and a message.</summary>
    /// <param name="code">A stable error code, one of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What went wrong, naming the offending input.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ValueChainException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The stable error code (see <see cref="ErrorCodes"/>).</summary>
    public string Code { get; }
}
