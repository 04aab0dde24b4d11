namespace ValueChain;

/// <summary>The SDK is configured inconsistently; the message says what to change.</summary>
public sealed class ConfigurationException : ValueChainException
{
    /// <summary>Creates a configuration error.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ConfigurationException(string message)
        : base(ErrorCodes.Configuration, message)
    {
    }
}
