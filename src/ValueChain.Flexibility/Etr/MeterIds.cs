namespace ValueChain.Flexibility;

/// <summary>
/// How a P-256 meter is named where the market names meters by <see cref="Address"/>: the last
/// 20 bytes of Keccak-256 of its 64-byte public point x ‖ y, the rule Ethereum uses for secp256k1
/// keys, which a contract computes as cheaply.
/// </summary>
public static class MeterIds
{
    /// <summary>The id of a P-256 meter from its 65-byte uncompressed public key.</summary>
    /// <exception cref="ValueChainFormatException">Not 65 bytes starting 04.</exception>
    public static Address ForP256(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != 65 || uncompressedPublicKey[0] != 0x04)
        {
            throw new ValueChainFormatException("P-256 public key", Hex.Encode(uncompressedPublicKey), "expected 65 bytes starting 04 (uncompressed)");
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(uncompressedPublicKey[1..], hash);
        return new Address(hash[12..]);
    }
}
