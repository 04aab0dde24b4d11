using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The one rule, applied the same way by every peer's chaincode host, that turns a Fabric creator
/// certificate into the <see cref="ValueChain.Address"/> chaincodes see as caller.
/// </summary>
/// <remarks>
/// A certificate that carries a ValueChain address binding (extension <see cref="BindingOid"/>)
/// maps to the secp256k1 address that signed its public key, so a participant keeps the one
/// address it has on every ledger; the binding is checked, not trusted: it must be a valid EIP-191
/// signature over <see cref="BindingMessage"/>. Any other certificate maps to the Ethereum-style
/// address of its own public key: the last 20 bytes of Keccak-256 over the uncompressed point's X and Y.
/// </remarks>
public static class CertificateAddress
{
    /// <summary>The extension that binds a ValueChain (secp256k1) address to the certificate's key: an OCTET STRING of 65 signature bytes (r, s, v).</summary>
    public const string BindingOid = "2.25.64158234580070184739166667527621838298";

    /// <summary>The address of <paramref name="certificate"/>.</summary>
    /// <exception cref="InvalidSignatureException">The certificate carries a binding that is not a valid signature over its key.</exception>
    /// <exception cref="InvalidKeyException">The certificate's key is not an EC key.</exception>
    public static Address Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        X509Extension? binding = certificate.Extensions[BindingOid];
        return binding is null ? KeyAddress(certificate) : BoundAddress(certificate, binding);
    }

    /// <summary>The message a ValueChain key signs (EIP-191) to bind itself to a certificate key: the text plus the key's SubjectPublicKeyInfo in hex.</summary>
    public static byte[] BindingMessage(System.Security.Cryptography.X509Certificates.PublicKey certificateKey)
    {
        ArgumentNullException.ThrowIfNull(certificateKey);
        return Encoding.ASCII.GetBytes("ValueChain Fabric identity " + Convert.ToHexStringLower(certificateKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The extension that binds <paramref name="signature"/> (by the ValueChain key, over <see cref="BindingMessage"/>) into a certificate.</summary>
    public static X509Extension BindingExtension(RecoverableSignature signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(signature.ToBytes());
        return new X509Extension(BindingOid, writer.Encode(), critical: false);
    }

    private static Address BoundAddress(X509Certificate2 certificate, X509Extension binding)
    {
        RecoverableSignature signature;
        try
        {
            byte[] bytes = AsnDecoder.ReadOctetString(binding.RawData, AsnEncodingRules.DER, out int consumed);
            if (consumed != binding.RawData.Length)
            {
                throw new AsnContentException("trailing bytes");
            }

            signature = RecoverableSignature.FromBytes(bytes);
        }
        catch (Exception e) when (e is AsnContentException or ValueChainException)
        {
            throw new InvalidSignatureException($"The ValueChain address binding of certificate '{certificate.Subject}' is malformed: {e.Message}");
        }

        if (!Secp256k1.TryRecoverAddress(PersonalMessage.Hash(BindingMessage(certificate.PublicKey)), signature, RecoveryMode.Strict, out Address address))
        {
            throw new InvalidSignatureException($"The ValueChain address binding of certificate '{certificate.Subject}' is not a valid signature over its public key.");
        }

        return address;
    }

    private static Address KeyAddress(X509Certificate2 certificate)
    {
        using ECDsa key = certificate.GetECDsaPublicKey()
            ?? throw new InvalidKeyException($"Certificate '{certificate.Subject}' has no EC public key; Fabric identities use ECDSA.");
        ECParameters parameters = key.ExportParameters(includePrivateParameters: false);
        int size = parameters.Q.X!.Length;
        Span<byte> point = stackalloc byte[size * 2];
        parameters.Q.X.CopyTo(point);
        parameters.Q.Y!.CopyTo(point[size..]);
        return new Address(Keccak256.Hash(point).ToArray().AsSpan(12));
    }
}
