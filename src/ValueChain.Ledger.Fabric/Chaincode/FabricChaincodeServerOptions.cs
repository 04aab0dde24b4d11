using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ValueChain.Ledger.Fabric;

/// <summary>How a <see cref="FabricChaincodeServer"/> serves chaincodes to Fabric peers (chaincode as a service).</summary>
public sealed class FabricChaincodeServerOptions
{
    /// <summary>The chaincode id the server registers with: the package id the peer installed (for example "partchain_1:4f2c…"), as in CHAINCODE_ID.</summary>
    public string ChaincodeId { get; set; } = "";

    /// <summary>Where to listen: the address in the package's connection.json must reach it. Port 0 picks a free port.</summary>
    public IPEndPoint Listen { get; set; } = new(IPAddress.Loopback, 9999);

    /// <summary>The server's TLS certificate with its private key; null serves plain HTTP/2 (connection.json with tls_required false).</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>
    /// The chaincode that runs for the chaincode name a proposal invokes (one package may be committed
    /// under several names on a channel); null for a name the server does not serve.
    /// </summary>
    public Func<string, IChaincode?> ChaincodeFor { get; set; } = _ => null;

    /// <summary>
    /// The private data collections that the definition of a chaincode name declares (its collection configuration,
    /// see <see cref="FabricLifecycle.Collections"/>), which the chaincode sees as <see cref="IPrivateDataContext.Collections"/>;
    /// none by default, and then chaincodes keep everything in world state.
    /// </summary>
    public Func<string, IReadOnlySet<string>> CollectionsFor { get; set; } = _ => FrozenSet<string>.Empty;

    /// <summary>Serves <paramref name="chaincode"/> for every invoked name.</summary>
    public FabricChaincodeServerOptions Serve(IChaincode chaincode)
    {
        ArgumentNullException.ThrowIfNull(chaincode);
        ChaincodeFor = _ => chaincode;
        return this;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ConfigurationException">No chaincode id.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ChaincodeId))
        {
            throw new ConfigurationException("FabricChaincodeServerOptions.ChaincodeId is required: the package id the peer installed (peer lifecycle chaincode queryinstalled shows it).");
        }
    }
}
