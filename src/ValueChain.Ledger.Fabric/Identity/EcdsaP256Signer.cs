using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// An <see cref="IFabricSigner"/> over a P-256 private key held in memory. Deterministic (RFC 6979),
/// so the same message always gets the same signature, and low-S, as Fabric's MSP requires.
/// </summary>
public sealed class EcdsaP256Signer : IFabricSigner
{
    private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("P-256");
    private static readonly ECDomainParameters Domain = new(Curve);
    private static readonly BigInteger HalfOrder = Curve.N.ShiftRight(1);
    private readonly ECPrivateKeyParameters _key;

    private EcdsaP256Signer(BigInteger scalar) => _key = new ECPrivateKeyParameters(scalar, Domain);

    /// <summary>A signer for the key in a PEM file's text (PKCS#8 "PRIVATE KEY" or SEC 1 "EC PRIVATE KEY"), as cryptogen and Fabric CA write them.</summary>
    /// <exception cref="InvalidKeyException">The text holds no P-256 private key.</exception>
    public static EcdsaP256Signer FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidKeyException($"no EC private key in the PEM text: {e.Message}");
        }

        ECParameters parameters = key.ExportParameters(includePrivateParameters: true);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new InvalidKeyException($"the key is on curve {parameters.Curve.Oid.FriendlyName ?? parameters.Curve.Oid.Value}, not P-256");
        }

        return FromScalar(parameters.D!);
    }

    /// <summary>A signer for the 32-byte big-endian private scalar.</summary>
    /// <exception cref="InvalidKeyException">Not 32 bytes, zero, or not below the curve order.</exception>
    public static EcdsaP256Signer FromScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != 32)
        {
            throw new InvalidKeyException($"a P-256 private key has 32 bytes, not {scalar.Length}");
        }

        var d = new BigInteger(1, scalar.ToArray());
        if (d.SignValue == 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new InvalidKeyException("the P-256 private key is zero or not below the curve order");
        }

        return new EcdsaP256Signer(d);
    }

    /// <summary>The public key as an uncompressed point (65 bytes, 0x04 ‖ X ‖ Y).</summary>
    public byte[] PublicKey() => Domain.G.Multiply(_key.D).Normalize().GetEncoded(compressed: false);

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] digest = SHA256.HashData(message);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(forSigning: true, _key);
        BigInteger[] rs = signer.GenerateSignature(digest);
        BigInteger s = rs[1].CompareTo(HalfOrder) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
        return new DerSequence(new DerInteger(rs[0]), new DerInteger(s)).GetDerEncoded();
    }

    /// <summary>Never shows the key.</summary>
    public override string ToString() => "EcdsaP256Signer";
}
