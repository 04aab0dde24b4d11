namespace ValueChain;

/// <summary>
/// A keystore could not be opened: the password is wrong (<see cref="ErrorCodes.WrongPassword"/>)
/// or the file is malformed or unsupported (<see cref="ErrorCodes.InvalidKeystore"/>).
/// </summary>
public sealed class KeystoreException : ValueChainException
{
    /// <summary>Creates a keystore error.</summary>
    /// <param name="code"><see cref="ErrorCodes.WrongPassword"/> or <see cref="ErrorCodes.InvalidKeystore"/>.</param>
    /// <param name="message">What went wrong.</param>
    public KeystoreException(string code, string message)
        : base(code, message)
    {
    }
}
