namespace ValueChain;

/// <summary>
/// An Ethereum-style recoverable secp256k1 signature: r and s as 32 big-endian bytes each, and v.
/// Holds the components as given; whether they are acceptable depends on the rules of the check
/// that uses them (see ValueChain.Cryptography's recovery modes).
/// </summary>
/// <param name="R">The r component, 32 big-endian bytes.</param>
/// <param name="S">The s component, 32 big-endian bytes.</param>
/// <param name="V">The recovery byte as serialised: 27 or 28 from our signers; 0 or 1 in some encodings.</param>
public readonly record struct RecoverableSignature(Hash32 R, Hash32 S, byte V)
{
    /// <summary>The serialised length: r ‖ s ‖ v.</summary>
    public const int Length = 65;

    /// <summary>Reads the 65-byte form r ‖ s ‖ v.</summary>
    /// <exception cref="InvalidSignatureException">Not 65 bytes.</exception>
    public static RecoverableSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new InvalidSignatureException($"a recoverable signature is {Length} bytes (r ‖ s ‖ v), not {bytes.Length}");
        }

        return new RecoverableSignature(new Hash32(bytes[..32]), new Hash32(bytes[32..64]), bytes[64]);
    }

    /// <summary>Parses the 65-byte form from hex.</summary>
    /// <exception cref="ValueChainFormatException">Not hex.</exception>
    /// <exception cref="InvalidSignatureException">Not 65 bytes.</exception>
    public static RecoverableSignature Parse(string hex) => FromBytes(Hex.Decode(hex, "signature"));

    /// <summary>The 65-byte form r ‖ s ‖ v.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        R.WriteTo(bytes);
        S.WriteTo(bytes.AsSpan(32));
        bytes[64] = V;
        return bytes;
    }

    /// <summary>The 65-byte form as 0x-prefixed hex.</summary>
    public override string ToString() => Hex.Encode(ToBytes());
}
