using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;

namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>Maps serialized creators (MSP id + PEM certificate) to addresses, once per distinct creator.</summary>
internal sealed class CreatorAddresses
{
    private readonly ConcurrentDictionary<ByteString, Address> _known = new();

    /// <exception cref="ChaincodeException">The creator is not a serialized identity with a readable certificate (code unauthorized).</exception>
    public Address Of(ByteString creator)
    {
        if (_known.TryGetValue(creator, out Address address))
        {
            return address;
        }

        try
        {
            Msp.SerializedIdentity identity = Msp.SerializedIdentity.Parser.ParseFrom(creator);
            using X509Certificate2 certificate = X509Certificate2.CreateFromPem(identity.IdBytes.ToStringUtf8());
            address = CertificateAddress.Of(certificate);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or CryptographicException or ValueChainException)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"The transaction's creator has no usable certificate: {e.Message}");
        }

        _known.TryAdd(creator, address);
        return address;
    }
}
