using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The one rule, applied the same way by every peer's chaincode host, that turns a Fabric creator
/// certificate into the <see cref="ValueChain.Address"/> chaincodes see as caller.
/// </summary>
/// <remarks>
/// A certificate whose Fabric CA attributes (extension <see cref="AttributesOid"/>, JSON
/// <c>{"attrs": {…}}</c>) hold <see cref="BindingAttribute"/> maps to the secp256k1 address that
/// signed the certificate's public key, so a participant keeps its one address on every ledger. The
/// binding is checked, not trusted: it must be a valid EIP-191 signature over <see cref="BindingMessage"/>.
/// Any other certificate maps to the Ethereum-style address of its own public key: the last 20 bytes
/// of Keccak-256 over the uncompressed point's X and Y.
/// </remarks>
public static class CertificateAddress
{
    /// <summary>The extension Fabric CA puts a certificate's attributes in (Fabric's own OID; Go's x509 accepts only small OID arcs).</summary>
    public const string AttributesOid = "1.2.3.4.5.6.7.8.1";

    /// <summary>The attribute that binds a ValueChain (secp256k1) address: the 65-byte signature (r, s, v) in 0x-hex.</summary>
    public const string BindingAttribute = "valuechain.binding";

    /// <summary>The address of <paramref name="certificate"/>.</summary>
    /// <exception cref="InvalidSignatureException">The certificate carries a binding that is malformed or not a valid signature over its key.</exception>
    /// <exception cref="InvalidKeyException">The certificate's key is not an EC key.</exception>
    public static Address Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        string? binding = BindingOf(certificate);
        return binding is null ? KeyAddress(certificate) : BoundAddress(certificate, binding);
    }

    /// <summary>The message a ValueChain key signs (EIP-191) to bind itself to a certificate key: the text plus the key's SubjectPublicKeyInfo in hex.</summary>
    public static byte[] BindingMessage(System.Security.Cryptography.X509Certificates.PublicKey certificateKey)
    {
        ArgumentNullException.ThrowIfNull(certificateKey);
        return Encoding.ASCII.GetBytes("ValueChain Fabric identity " + Convert.ToHexStringLower(certificateKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The attributes extension that carries <paramref name="signature"/> (by the ValueChain key, over <see cref="BindingMessage"/>).</summary>
    public static X509Extension BindingExtension(RecoverableSignature signature)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["attrs"] = new JsonObject { [BindingAttribute] = signature.ToString() } });
        return new X509Extension(AttributesOid, json, critical: false);
    }

    private static string? BindingOf(X509Certificate2 certificate)
    {
        if (certificate.Extensions[AttributesOid] is not { } attributes)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(attributes.RawData)?["attrs"]?[BindingAttribute]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidSignatureException($"The attributes of certificate '{certificate.Subject}' are not Fabric CA's JSON: {e.Message}");
        }
    }

    private static Address BoundAddress(X509Certificate2 certificate, string binding)
    {
        RecoverableSignature signature;
        try
        {
            signature = RecoverableSignature.Parse(binding);
        }
        catch (ValueChainException e)
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
