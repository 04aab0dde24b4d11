using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Issues Fabric client certificates that carry a participant's ValueChain address: a fresh P-256
/// key, signed by the organisation's CA (as Fabric CA or cryptogen would), with the participant's
/// secp256k1 signature over that key in the <see cref="CertificateAddress.AttributesOid"/> extension.
/// The participant keeps its one address on every ledger.
/// </summary>
public static class ParticipantCertificates
{
    /// <summary>Issues the certificate and returns the identity with the signer of its key.</summary>
    /// <param name="mspId">The organisation's MSP id.</param>
    /// <param name="caCertificatePem">The organisation's CA certificate (PEM).</param>
    /// <param name="caKeyPem">The CA's private key (PEM).</param>
    /// <param name="participant">The participant's ValueChain signer, which signs the binding.</param>
    /// <param name="commonName">The certificate's common name.</param>
    /// <param name="validity">How long the certificate is valid (one year by default).</param>
    /// <param name="cancellationToken">Cancels the binding signature.</param>
    /// <exception cref="ConfigurationException">The CA certificate or key cannot be read.</exception>
    public static async Task<(FabricIdentity Identity, EcdsaP256Signer Signer)> IssueAsync(
        string mspId, string caCertificatePem, string caKeyPem, ISigner participant, string commonName, TimeSpan? validity = null, CancellationToken cancellationToken = default)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        FabricIdentity identity = await IssueForKeyAsync(mspId, caCertificatePem, caKeyPem, participant, key, commonName, validity, cancellationToken).ConfigureAwait(false);
        return (identity, EcdsaP256Signer.FromScalar(key.ExportParameters(includePrivateParameters: true).D));
    }

    /// <summary>
    /// Issues the certificate for a P-256 key the participant already holds (for example one that another Fabric
    /// client, or a hardware module, signs with) and returns the identity; the key never leaves the caller.
    /// </summary>
    /// <param name="mspId">The organisation's MSP id.</param>
    /// <param name="caCertificatePem">The organisation's CA certificate (PEM).</param>
    /// <param name="caKeyPem">The CA's private key (PEM).</param>
    /// <param name="participant">The participant's ValueChain signer, which signs the binding.</param>
    /// <param name="key">The participant's P-256 key (its public part is certified).</param>
    /// <param name="commonName">The certificate's common name.</param>
    /// <param name="validity">How long the certificate is valid (one year by default).</param>
    /// <param name="cancellationToken">Cancels the binding signature.</param>
    /// <exception cref="ConfigurationException">The CA certificate or key cannot be read.</exception>
    public static async Task<FabricIdentity> IssueForKeyAsync(
        string mspId, string caCertificatePem, string caKeyPem, ISigner participant, ECDsa key, string commonName, TimeSpan? validity = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(key);
        X509Certificate2 ca;
        using var caKey = ECDsa.Create();
        try
        {
            ca = X509Certificate2.CreateFromPem(caCertificatePem);
            caKey.ImportFromPem(caKeyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ConfigurationException($"The CA certificate or key of MSP '{mspId}' cannot be read: {e.Message}");
        }

        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(mspId);
        subject.AddOrganizationalUnitName("client");
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        RecoverableSignature binding = await participant.SignAsync(ValueChain.Cryptography.PersonalMessage.Hash(CertificateAddress.BindingMessage(request.PublicKey)), cancellationToken).ConfigureAwait(false);
        request.CertificateExtensions.Add(CertificateAddress.BindingExtension(binding));

        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddMinutes(-5), now + (validity ?? TimeSpan.FromDays(365)), RandomNumberGenerator.GetBytes(16).Select((b, i) => i == 0 ? (byte)(b & 0x7F) : b).ToArray());
        return new FabricIdentity(mspId, certificate.ExportCertificatePem() + "\n");
    }
}
