using CsCheck;
using BigInteger = System.Numerics.BigInteger;

namespace ValueChain.Cryptography.Tests.Properties;

public sealed class SignatureProperties
{
    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337");

    private static readonly Gen<PrivateKey> Keys = Gen.Byte.Array[32]
        .Where(b => new BigInteger(b, isUnsigned: true, isBigEndian: true) is var d && d > 0 && d < N)
        .Select(b => PrivateKey.FromBytes(b));

    private static readonly Gen<Hash32> Digests = Gen.Byte.Array[32].Select(b => new Hash32(b));

    private static readonly RecoveryMode[] BothModes = [RecoveryMode.Strict, RecoveryMode.Precompile];

    [Fact]
    public void Sign_then_recover_returns_the_signer_in_both_modes()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            RecoverableSignature signature = Secp256k1.Sign(key, digest);
            Assert.True(signature.V is 27 or 28);
            Assert.True(Scalar(signature.S) <= N / 2, "signatures are low-s");
            foreach (RecoveryMode mode in BothModes)
            {
                Assert.Equal(key.Address, Secp256k1.RecoverAddress(digest, signature, mode));
                Assert.True(Secp256k1.Verify(key.PublicKey, digest, signature, mode));
            }
        }, iter: 200);
    }

    [Fact]
    public void IsSignedBy_agrees_with_recovery_for_every_v_key_and_digest()
    {
        Gen.Select(Keys, Keys, Digests, Gen.OneOf(Gen.Const((byte)27), Gen.Const((byte)28), Gen.Const((byte)0), Gen.Const((byte)1)), Gen.Bool)
            .Sample((key, other, digest, v, useOther) =>
            {
                RecoverableSignature signature = Secp256k1.Sign(key, digest) with { V = v };
                PublicKey candidate = useOther ? other.PublicKey : key.PublicKey;
                foreach (RecoveryMode mode in BothModes)
                {
                    bool recovers;
                    try
                    {
                        recovers = Secp256k1.Recover(digest, signature, mode).Equals(candidate);
                    }
                    catch (InvalidSignatureException)
                    {
                        Assert.Throws<InvalidSignatureException>(() => Secp256k1.IsSignedBy(candidate, digest, signature, mode));
                        continue;
                    }

                    Assert.Equal(recovers, Secp256k1.IsSignedBy(candidate, digest, signature, mode));
                }
            }, iter: 150);
    }

    [Fact]
    public void Another_key_or_digest_does_not_verify()
    {
        Gen.Select(Keys, Keys, Digests, Digests).Where((a, b, d1, d2) => a.Address != b.Address && d1 != d2).Sample((key, other, digest, otherDigest) =>
        {
            RecoverableSignature signature = Secp256k1.Sign(key, digest);
            Assert.False(Secp256k1.Verify(other.PublicKey, digest, signature));
            Assert.False(Secp256k1.Verify(key.PublicKey, otherDigest, signature));
            Assert.NotEqual(key.Address, Secp256k1.RecoverAddress(otherDigest, signature, RecoveryMode.Strict));
        }, iter: 100);
    }

    [Fact]
    public void High_s_recovers_in_precompile_mode_and_is_refused_in_strict_mode()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            RecoverableSignature low = Secp256k1.Sign(key, digest);
            // (r, n − s) with the other parity is the same signature's malleable twin.
            var high = new RecoverableSignature(low.R, ToHash(N - Scalar(low.S)), (byte)(55 - low.V));

            Assert.Equal(key.Address, Secp256k1.RecoverAddress(digest, high, RecoveryMode.Precompile));
            Assert.True(Secp256k1.Verify(key.PublicKey, digest, high, RecoveryMode.Precompile));
            var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(digest, high, RecoveryMode.Strict));
            Assert.Equal(ErrorCodes.InvalidSignature, error.Code);
            Assert.Throws<InvalidSignatureException>(() => Secp256k1.Verify(key.PublicKey, digest, high, RecoveryMode.Strict));
        }, iter: 100);
    }

    [Fact]
    public void Out_of_range_r_or_s_is_a_typed_error_in_both_modes()
    {
        Gen<BigInteger> outOfRange = Gen.OneOf(
            Gen.Const(BigInteger.Zero),
            Gen.Const(N),
            Gen.Byte.Array[16].Select(low => new BigInteger([.. Enumerable.Repeat((byte)0xff, 16), .. low], isUnsigned: true, isBigEndian: true)),
            Gen.Int[0, 1000].Select(i => N + i));
        Gen.Select(Keys, Digests, outOfRange, Gen.Bool).Sample((key, digest, bad, replaceR) =>
        {
            RecoverableSignature good = Secp256k1.Sign(key, digest);
            RecoverableSignature broken = replaceR ? good with { R = ToHash(bad) } : good with { S = ToHash(bad) };
            foreach (RecoveryMode mode in BothModes)
            {
                var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(digest, broken, mode));
                Assert.Contains(replaceR ? "r must be" : "s must be", error.Message, StringComparison.Ordinal);
                Assert.Throws<InvalidSignatureException>(() => Secp256k1.Verify(key.PublicKey, digest, broken, mode));
            }
        }, iter: 100);
    }

    [Fact]
    public void V_out_of_range_is_a_typed_error_in_both_modes()
    {
        Gen.Select(Keys, Digests, Gen.Byte.Where(v => v is not (0 or 1 or 27 or 28))).Sample((key, digest, v) =>
        {
            RecoverableSignature broken = Secp256k1.Sign(key, digest) with { V = v };
            foreach (RecoveryMode mode in BothModes)
            {
                var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(digest, broken, mode));
                Assert.Contains($"but is {v}", error.Message, StringComparison.Ordinal);
            }
        }, iter: 100);
    }

    [Fact]
    public void Y_parity_v_is_strict_only_because_ecrecover_takes_27_or_28()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            RecoverableSignature signature = Secp256k1.Sign(key, digest);
            var parity = signature with { V = (byte)(signature.V - 27) };
            Assert.Equal(key.Address, Secp256k1.RecoverAddress(digest, parity, RecoveryMode.Strict));
            Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(digest, parity, RecoveryMode.Precompile));
        }, iter: 50);
    }

    [Fact]
    public void Malformed_signature_length_is_a_typed_error()
    {
        Gen.Byte.Array[0, 200].Where(b => b.Length != 65).Sample(bytes =>
        {
            var error = Assert.Throws<InvalidSignatureException>(() => RecoverableSignature.FromBytes(bytes));
            Assert.Contains($"not {bytes.Length}", error.Message, StringComparison.Ordinal);
        }, iter: 100);
    }

    [Fact]
    public void R_that_is_not_on_the_curve_is_a_typed_error()
    {
        // x = 5 has no y on secp256k1 (5³ + 7 = 132 is not a square modulo p).
        var signature = new RecoverableSignature(ToHash(5), ToHash(1), 27);

        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Hash32.Zero, signature, RecoveryMode.Precompile));

        Assert.Contains("not the x-coordinate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_key_out_of_range_is_a_typed_error()
    {
        Assert.Throws<InvalidKeyException>(() => PrivateKey.FromBytes(new byte[32]));
        Assert.Throws<InvalidKeyException>(() => PrivateKey.FromBytes(ToHash(N).ToArray()));
        Assert.Throws<InvalidKeyException>(() => PrivateKey.FromBytes(new byte[31]));
        Assert.Throws<InvalidKeyException>(() => PublicKey.FromBytes(new byte[33]));
    }

    private static BigInteger Scalar(Hash32 value) => new(value.ToArray(), isUnsigned: true, isBigEndian: true);

    private static Hash32 ToHash(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return new Hash32(bytes);
    }
}
