using System.Globalization;
using System.Text;

namespace ValueChain.Cryptography;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): Keccak-256 of
/// <c>"\x19Ethereum Signed Message:\n" + decimal length + message</c>.
/// </summary>
public static class PersonalMessage
{
    private static readonly byte[] Prefix = "\u0019Ethereum Signed Message:\n"u8.ToArray();

    /// <summary>The hash that <c>personal_sign</c> signs for <paramref name="message"/>.</summary>
    public static Hash32 Hash(ReadOnlySpan<byte> message)
    {
        var hasher = new Keccak256Hasher();
        hasher.Append(Prefix);
        hasher.Append(Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture)));
        hasher.Append(message);
        return hasher.GetHashAndReset();
    }

    /// <summary>The hash for a text message, encoded as UTF-8.</summary>
    public static Hash32 Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Signs a message as <c>personal_sign</c> does.</summary>
    public static RecoverableSignature Sign(PrivateKey key, ReadOnlySpan<byte> message) => Secp256k1.Sign(key, Hash(message));

    /// <summary>Recovers the address that signed <paramref name="message"/> (strict rules, as wallets produce).</summary>
    /// <exception cref="InvalidSignatureException">The signature is malformed.</exception>
    public static Address RecoverSigner(ReadOnlySpan<byte> message, RecoverableSignature signature, RecoveryMode mode = RecoveryMode.Strict) =>
        Secp256k1.RecoverAddress(Hash(message), signature, mode);
}
