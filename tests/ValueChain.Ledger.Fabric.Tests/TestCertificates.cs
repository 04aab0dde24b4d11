using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ValueChain.Ledger.Fabric.Tests;

/// <summary>A throwaway organisation CA for tests that issue participant certificates.</summary>
internal sealed class TestCertificates
{
    private TestCertificates(string certificatePem, string keyPem)
    {
        CaCertificatePem = certificatePem;
        CaKeyPem = keyPem;
    }

    public string CaCertificatePem { get; }

    public string CaKeyPem { get; }

    public static TestCertificates CreateCa(string name = "ca.org1.example.com")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=org1.example.com", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using X509Certificate2 ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return new TestCertificates(ca.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public Task<(FabricIdentity Identity, EcdsaP256Signer Signer)> IssueAsync(ISigner participant, string commonName = "participant") =>
        ParticipantCertificates.IssueAsync("Org1MSP", CaCertificatePem, CaKeyPem, participant, commonName);
}
