using Org.BouncyCastle.Math.EC;

namespace ValueChain.Cryptography;

/// <summary>A secp256k1 public key: a point on the curve other than infinity.</summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private Address? _address;

    internal PublicKey(ECPoint point) => Point = point.Normalize();

    /// <summary>The curve point, normalised to affine coordinates.</summary>
    internal ECPoint Point { get; }

    /// <summary>The Ethereum address: the last 20 bytes of Keccak-256 of the 64-byte x ‖ y.</summary>
    public Address Address => _address ??= ComputeAddress();

    /// <summary>Reads a 33-byte compressed (02/03 ‖ x) or 65-byte uncompressed (04 ‖ x ‖ y) key.</summary>
    /// <exception cref="InvalidKeyException">Wrong length or prefix, or not a point on the curve.</exception>
    public static PublicKey FromBytes(ReadOnlySpan<byte> encoded)
    {
        bool wellFormed = (encoded.Length == 33 && encoded[0] is 0x02 or 0x03) || (encoded.Length == 65 && encoded[0] == 0x04);
        if (!wellFormed)
        {
            throw new InvalidKeyException($"a secp256k1 public key is 33 bytes starting 02/03 or 65 bytes starting 04, not {encoded.Length} bytes starting {(encoded.IsEmpty ? "(nothing)" : encoded[0].ToString("x2"))}");
        }

        try
        {
            ECPoint point = Secp256k1Curve.Curve.DecodePoint(encoded.ToArray());
            if (point.IsInfinity || !point.IsValid())
            {
                throw new InvalidKeyException("the public key is not a point on secp256k1");
            }

            return new PublicKey(point);
        }
        catch (ArgumentException e)
        {
            throw new InvalidKeyException($"the public key is not a point on secp256k1 ({e.Message})");
        }
    }

    /// <summary>Parses a compressed or uncompressed key from hex.</summary>
    public static PublicKey Parse(string hex) => FromBytes(Hex.Decode(hex, "public key"));

    /// <summary>The 33-byte compressed form 02/03 ‖ x.</summary>
    public byte[] ToCompressed() => Point.GetEncoded(true);

    /// <summary>The 65-byte uncompressed form 04 ‖ x ‖ y.</summary>
    public byte[] ToUncompressed() => Point.GetEncoded(false);

    /// <summary>Verifies a signature made by this key (see <see cref="Secp256k1.Verify"/>).</summary>
    public bool Verify(Hash32 digest, RecoverableSignature signature, RecoveryMode mode = RecoveryMode.Strict) =>
        Secp256k1.Verify(this, digest, signature, mode);

    /// <inheritdoc />
    public bool Equals(PublicKey? other) => other is not null && Point.Equals(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Address.GetHashCode();

    /// <summary>The compressed form as hex.</summary>
    public override string ToString() => Hex.Encode(ToCompressed());

    private Address ComputeAddress()
    {
        Span<byte> xy = stackalloc byte[64];
        Point.AffineXCoord.EncodeTo(xy[..32]);
        Point.AffineYCoord.EncodeTo(xy[32..]);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(xy, hash);
        return new Address(hash[12..]);
    }
}
