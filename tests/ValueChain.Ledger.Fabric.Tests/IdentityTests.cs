using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Digests;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.Fabric.Tests;

public sealed class IdentityTests
{
    private static readonly EthereumSigner Participant = new(PrivateKey.FromBytes(Keccak256.Hash("fabric identity test"u8).ToArray()));

    [Fact]
    public void A_plain_certificate_maps_to_the_keccak_address_of_its_public_key()
    {
        FabricIdentity identity = GoldenFiles.ClientIdentity();
        using ECDsa key = identity.Certificate.GetECDsaPublicKey()!;
        ECParameters point = key.ExportParameters(false);

        // Independently: BouncyCastle's Keccak-256 over X ‖ Y, last 20 bytes.
        var keccak = new KeccakDigest(256);
        keccak.BlockUpdate([.. point.Q.X!, .. point.Q.Y!], 0, 64);
        byte[] hash = new byte[32];
        keccak.DoFinal(hash, 0);

        Assert.Equal(new Address(hash.AsSpan(12)), identity.Address);
    }

    [Fact]
    public async Task A_certificate_with_a_binding_maps_to_the_participants_address_on_every_host()
    {
        (FabricIdentity identity, EcdsaP256Signer signer) = await TestCertificates.CreateCa().IssueAsync(Participant);

        Assert.Equal(Participant.Address, identity.Address);
        Assert.Equal(Participant.Address, CertificateAddress.Of(X509Certificate2.CreateFromPem(identity.CertificatePem)));
        Assert.Contains("OU=client", identity.Certificate.Subject, StringComparison.Ordinal);
        using ECDsa key = identity.Certificate.GetECDsaPublicKey()!;
        Assert.True(key.VerifyData("hello"u8, signer.Sign("hello"u8), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task A_binding_copied_onto_another_key_is_refused()
    {
        (FabricIdentity genuine, _) = await TestCertificates.CreateCa().IssueAsync(Participant);
        X509Extension stolen = genuine.Certificate.Extensions[CertificateAddress.AttributesOid]!;

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=impostor, OU=client", otherKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(stolen);
        using X509Certificate2 forged = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Recovery over another key's message yields some other address, never the participant's.
        Address recovered = CertificateAddress.Of(forged);
        Assert.NotEqual(Participant.Address, recovered);
    }

    [Fact]
    public void A_malformed_binding_is_a_typed_error()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=broken", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension(CertificateAddress.AttributesOid, """{"attrs":{"valuechain.binding":"0x0102"}}"""u8.ToArray(), false));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        InvalidSignatureException error = Assert.Throws<InvalidSignatureException>(() => CertificateAddress.Of(certificate));
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fabric_ca_attributes_without_a_binding_leave_the_key_address()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=user1", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension(CertificateAddress.AttributesOid, """{"attrs":{"hf.EnrollmentID":"user1","hf.Type":"client"}}"""u8.ToArray(), false));
        using X509Certificate2 withAttributes = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using X509Certificate2 without = new CertificateRequest("CN=user1", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.Equal(CertificateAddress.Of(without), CertificateAddress.Of(withAttributes));
    }

    [Fact]
    public void Keys_load_from_pkcs8_and_sec1_pem_and_other_curves_are_refused()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        byte[] d = p256.ExportParameters(true).D!;

        Assert.Equal(EcdsaP256Signer.FromScalar(d).PublicKey(), EcdsaP256Signer.FromPem(p256.ExportPkcs8PrivateKeyPem()).PublicKey());
        Assert.Equal(EcdsaP256Signer.FromScalar(d).PublicKey(), EcdsaP256Signer.FromPem(p256.ExportECPrivateKeyPem()).PublicKey());
        Assert.Throws<InvalidKeyException>(() => EcdsaP256Signer.FromPem(p384.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<InvalidKeyException>(() => EcdsaP256Signer.FromPem("not a key"));
        Assert.Throws<InvalidKeyException>(() => EcdsaP256Signer.FromScalar(new byte[32]));
        Assert.Throws<ConfigurationException>(() => new FabricIdentity("Org1MSP", "not a certificate"));
        Assert.Throws<ConfigurationException>(() => new FabricIdentity("", GoldenFiles.Read("client.crt.pem")));
    }
}
