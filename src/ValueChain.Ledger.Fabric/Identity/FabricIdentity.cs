using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A Fabric client identity: the MSP it belongs to and its X.509 certificate. Its
/// <see cref="Address"/> is what the chaincode host gives the chaincodes as caller.
/// </summary>
public sealed class FabricIdentity
{
    private readonly byte[] _serialized;

    /// <summary>Creates an identity from its MSP id and PEM certificate.</summary>
    /// <exception cref="ConfigurationException">The MSP id is empty or the certificate cannot be read.</exception>
    public FabricIdentity(string mspId, string certificatePem)
    {
        if (string.IsNullOrWhiteSpace(mspId))
        {
            throw new ConfigurationException("A Fabric identity needs an MSP id.");
        }

        ArgumentNullException.ThrowIfNull(certificatePem);
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new ConfigurationException($"The certificate of the Fabric identity in MSP '{mspId}' is not a PEM X.509 certificate: {e.Message}");
        }

        MspId = mspId;
        CertificatePem = certificatePem;
        Certificate = certificate;
        Address = CertificateAddress.Of(certificate);
        _serialized = new Msp.SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFrom(Encoding.UTF8.GetBytes(certificatePem)) }.ToByteArray();
    }

    /// <summary>The MSP id (for example "Org1MSP").</summary>
    public string MspId { get; }

    /// <summary>The certificate as PEM, exactly as sent to the peers.</summary>
    public string CertificatePem { get; }

    /// <summary>The parsed certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The address chaincodes see for this identity (see <see cref="CertificateAddress"/>).</summary>
    public Address Address { get; }

    /// <summary>The serialized identity (msp.SerializedIdentity) that goes into every signature header.</summary>
    public ReadOnlySpan<byte> Serialized => _serialized;

    internal ByteString SerializedByteString => ByteString.CopyFrom(_serialized);

    /// <summary>Shows the MSP and address, never the key.</summary>
    public override string ToString() => $"FabricIdentity({MspId}, {Address})";
}
