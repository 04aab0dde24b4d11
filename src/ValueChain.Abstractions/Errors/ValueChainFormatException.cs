namespace ValueChain;

/// <summary>Input text or bytes are malformed; the message names the input and what is wrong.</summary>
public sealed class ValueChainFormatException : ValueChainException
{
    /// <summary>Creates a format error.</summary>
    /// <param name="parameterName">The argument or field that was malformed.</param>
    /// <param name="input">The offending input, shortened in the message when long.</param>
    /// <param name="reason">What is wrong with it.</param>
    public ValueChainFormatException(string parameterName, string? input, string reason)
        : base(ErrorCodes.InvalidFormat, $"Invalid {parameterName} '{Shorten(input)}': {reason}")
    {
        ParameterName = parameterName;
        Input = input;
    }

    /// <summary>The argument or field that was malformed.</summary>
    public string ParameterName { get; }

    /// <summary>The offending input as given.</summary>
    public string? Input { get; }

    private static string Shorten(string? input) => input switch
    {
        null => "(null)",
        { Length: > 140 } => string.Concat(input.AsSpan(0, 132), "…", input.AsSpan(input.Length - 6)),
        _ => input,
    };
}
