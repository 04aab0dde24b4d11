using System.Numerics;
using System.Security.Cryptography;

namespace ValueChain.Flexibility;

/// <summary>P-256 key and signature plumbing for OCMF records, on the platform's ECDSA.</summary>
internal static class P256Keys
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Imports a 65-byte uncompressed point (04 ‖ x ‖ y) or an SPKI DER public key.</summary>
    public static ECDsa Import(ReadOnlySpan<byte> publicKey)
    {
        ECDsa key = ECDsa.Create();
        try
        {
            if (publicKey.Length == 65 && publicKey[0] == 0x04)
            {
                key.ImportParameters(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = publicKey.Slice(1, 32).ToArray(), Y = publicKey.Slice(33, 32).ToArray() },
                });
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(publicKey, out _);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The 65-byte uncompressed public point of a key.</summary>
    public static byte[] Uncompressed(ECDsa key)
    {
        ECParameters parameters = key.ExportParameters(false);
        return [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
    }

    /// <summary>DER (SEQUENCE of two INTEGERs) to the 64-byte r ‖ s form.</summary>
    public static byte[] DerToFixed(byte[] der)
    {
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER);
        System.Formats.Asn1.AsnReader sequence = reader.ReadSequence();
        BigInteger r = sequence.ReadInteger(), s = sequence.ReadInteger();
        sequence.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        if (r.Sign <= 0 || s.Sign <= 0 || r >= Order || s >= Order)
        {
            throw new CryptographicException("r or s is out of range.");
        }

        byte[] result = new byte[64];
        r.TryWriteBytes(result.AsSpan(32 - r.GetByteCount(isUnsigned: true), r.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        s.TryWriteBytes(result.AsSpan(64 - s.GetByteCount(isUnsigned: true), s.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }

    /// <summary>Replaces s by n − s when s is in the upper half (the same signature, as contracts accept it).</summary>
    public static byte[] LowS(byte[] fixedSignature)
    {
        var s = new BigInteger(fixedSignature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        if (s <= Order / 2)
        {
            return fixedSignature;
        }

        BigInteger low = Order - s;
        byte[] result = (byte[])fixedSignature.Clone();
        Array.Clear(result, 32, 32);
        low.TryWriteBytes(result.AsSpan(64 - low.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }
}
