using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;

namespace ValueChain.Cryptography;

/// <summary>
/// ECDSA over secp256k1 exactly as Ethereum uses it: deterministic RFC 6979 signing with low s and
/// the recovery id, verification, and public-key recovery under the rules of either the
/// <c>ecrecover</c> precompile or strict (EIP-2 / OpenZeppelin) checks. Thread-safe.
/// </summary>
public static class Secp256k1
{
    /// <summary>
    /// Signs a 32-byte digest with the RFC 6979 deterministic nonce (HMAC-SHA-256), normalises s to
    /// the lower half and sets V to 27 + y-parity of R, as ethers and geth do.
    /// </summary>
    public static RecoverableSignature Sign(PrivateKey key, Hash32 digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        BigInteger n = Secp256k1Curve.N;
        BigInteger d = key.Scalar;
        Span<byte> message = stackalloc byte[32];
        digest.WriteTo(message);
        BigInteger e = Secp256k1Curve.ToInteger(message);

        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(n, d, message.ToArray());
        while (true)
        {
            BigInteger k = nonces.NextK();
            ECPoint point = Secp256k1Curve.MultiplyG(k);
            BigInteger x = point.AffineXCoord.ToBigInteger();
            BigInteger r = x.Mod(n);
            if (r.SignValue == 0)
            {
                continue;
            }

            BigInteger s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(d.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            // The recovery id is known for free from R: its y-parity, plus 2 when R.x overflowed n.
            int recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(n) >= 0 ? 2 : 0);
            if (s.CompareTo(Secp256k1Curve.HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }

            // An R.x ≥ n has probability ~2^-128; Ethereum's v cannot express it, so take the next nonce.
            if (recoveryId >= 2)
            {
                continue;
            }

            return new RecoverableSignature(Secp256k1Curve.ToHash32(r), Secp256k1Curve.ToHash32(s), (byte)(27 + recoveryId));
        }
    }

    /// <summary>
    /// Verifies that <paramref name="signature"/> over <paramref name="digest"/> was made by
    /// <paramref name="publicKey"/>. V is not used. Malformed components throw; a well-formed
    /// signature by another key returns false.
    /// </summary>
    /// <exception cref="InvalidSignatureException">r or s is out of the mode's range.</exception>
    public static bool Verify(PublicKey publicKey, Hash32 digest, RecoverableSignature signature, RecoveryMode mode = RecoveryMode.Strict)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        (BigInteger r, BigInteger s) = CheckComponents(signature, mode);
        ECPoint point = SignaturePoint(publicKey, digest, r, s);
        return !point.IsInfinity && point.AffineXCoord.ToBigInteger().Mod(Secp256k1Curve.N).Equals(r);
    }

    /// <summary>
    /// True exactly when <see cref="Recover"/> would return <paramref name="publicKey"/>, including the
    /// check of v against the y-parity of R, but about 20 % cheaper because the key is already known.
    /// Use it where a signer's key is cached (a ledger's members, whitelisted meters).
    /// </summary>
    /// <exception cref="InvalidSignatureException">The same malformed inputs that <see cref="Recover"/> refuses.</exception>
    public static bool IsSignedBy(PublicKey publicKey, Hash32 digest, RecoverableSignature signature, RecoveryMode mode)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        (BigInteger r, BigInteger s) = CheckComponents(signature, mode);
        int yParity = YParity(signature.V, mode);

        // The point is the signature's R: recovery with v yields Q iff R.x = r and R.y has v's parity.
        ECPoint point = SignaturePoint(publicKey, digest, r, s);
        return !point.IsInfinity
            && point.AffineXCoord.ToBigInteger().Equals(r)
            && (point.AffineYCoord.TestBitZero() ? 1 : 0) == yParity;
    }

    /// <summary>Recovers the public key that made <paramref name="signature"/> over <paramref name="digest"/>.</summary>
    /// <exception cref="InvalidSignatureException">
    /// r or s is zero or not below n, s is in the upper half in <see cref="RecoveryMode.Strict"/>, v is not
    /// allowed by the mode, or r is not the x-coordinate of a curve point.
    /// </exception>
    public static PublicKey Recover(Hash32 digest, RecoverableSignature signature, RecoveryMode mode)
    {
        (BigInteger r, BigInteger s) = CheckComponents(signature, mode);
        int yParity = YParity(signature.V, mode);

        // v cannot express R.x ≥ n, so x = r < n < p and no x ≥ p check is needed before decompressing.
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | yParity);
        signature.R.WriteTo(compressed[1..]);
        ECPoint bigR;
        try
        {
            bigR = Secp256k1Curve.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            throw new InvalidSignatureException("r is not the x-coordinate of a point on secp256k1");
        }

        // Q = r⁻¹ (s·R − e·G) = (−e·r⁻¹)·G + (s·r⁻¹)·R
        BigInteger n = Secp256k1Curve.N;
        BigInteger rInverse = BigIntegers.ModOddInverseVar(n, r);
        BigInteger e = Secp256k1Curve.ToInteger(digest);
        BigInteger u1 = n.Subtract(e.Mod(n)).Multiply(rInverse).Mod(n);
        BigInteger u2 = s.Multiply(rInverse).Mod(n);
        ECPoint q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1Curve.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity)
        {
            throw new InvalidSignatureException("the recovered public key is the point at infinity");
        }

        return new PublicKey(q);
    }

    /// <summary>Recovers the address of the signer (see <see cref="Recover"/>).</summary>
    /// <exception cref="InvalidSignatureException">As for <see cref="Recover"/>.</exception>
    public static Address RecoverAddress(Hash32 digest, RecoverableSignature signature, RecoveryMode mode) =>
        Recover(digest, signature, mode).Address;

    /// <summary>Tries <see cref="RecoverAddress"/>, returning false for any invalid signature.</summary>
    public static bool TryRecoverAddress(Hash32 digest, RecoverableSignature signature, RecoveryMode mode, out Address signer)
    {
        try
        {
            signer = RecoverAddress(digest, signature, mode);
            return true;
        }
        catch (InvalidSignatureException)
        {
            signer = default;
            return false;
        }
    }

    // R = (e·s⁻¹)·G + (r·s⁻¹)·Q, the point a valid signature's r is the x-coordinate of.
    private static ECPoint SignaturePoint(PublicKey publicKey, Hash32 digest, BigInteger r, BigInteger s)
    {
        BigInteger n = Secp256k1Curve.N;
        BigInteger w = BigIntegers.ModOddInverseVar(n, s);
        BigInteger u1 = Secp256k1Curve.ToInteger(digest).Multiply(w).Mod(n);
        BigInteger u2 = r.Multiply(w).Mod(n);
        return ECAlgorithms.SumOfTwoMultiplies(Secp256k1Curve.G, u1, publicKey.Point, u2).Normalize();
    }

    private static (BigInteger R, BigInteger S) CheckComponents(RecoverableSignature signature, RecoveryMode mode)
    {
        BigInteger r = Secp256k1Curve.ToInteger(signature.R);
        BigInteger s = Secp256k1Curve.ToInteger(signature.S);
        if (!Secp256k1Curve.IsScalar(r))
        {
            throw new InvalidSignatureException($"r must be in [1, n - 1] but is {signature.R}");
        }

        if (!Secp256k1Curve.IsScalar(s))
        {
            throw new InvalidSignatureException($"s must be in [1, n - 1] but is {signature.S}");
        }

        if (mode == RecoveryMode.Strict && s.CompareTo(Secp256k1Curve.HalfN) > 0)
        {
            throw new InvalidSignatureException($"s is in the upper half of the curve order ({signature.S}); strict rules accept only low-s signatures");
        }

        if (mode is not (RecoveryMode.Strict or RecoveryMode.Precompile))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown recovery mode.");
        }

        return (r, s);
    }

    private static int YParity(byte v, RecoveryMode mode) => (v, mode) switch
    {
        (27 or 28, _) => v - 27,
        (0 or 1, RecoveryMode.Strict) => v,
        _ => throw new InvalidSignatureException(mode == RecoveryMode.Strict
            ? $"v must be 27, 28, 0 or 1 but is {v}"
            : $"v must be 27 or 28 for ecrecover but is {v}"),
    };
}
