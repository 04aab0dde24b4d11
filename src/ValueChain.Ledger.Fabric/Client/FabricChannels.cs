using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace ValueChain.Ledger.Fabric.Client;

/// <summary>Opens gRPC channels to Fabric nodes, with TLS checked against the endpoint's own root when it has one.</summary>
internal static class FabricChannels
{
    /// <exception cref="ConfigurationException">The address is not an http(s) URL or the TLS root cannot be read.</exception>
    public static GrpcChannel Open(FabricEndpoint endpoint)
    {
        if (!Uri.TryCreate(endpoint.Address, UriKind.Absolute, out Uri? address) || address.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"The Fabric endpoint '{endpoint.Address}' is not an http:// or https:// address.");
        }

        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, KeepAlivePingDelay = TimeSpan.FromSeconds(60), KeepAlivePingTimeout = TimeSpan.FromSeconds(20) };
        if (address.Scheme == "https")
        {
            handler.SslOptions = TlsOptions(endpoint, address);
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = 100 * 1024 * 1024 });
    }

    private static SslClientAuthenticationOptions TlsOptions(FabricEndpoint endpoint, Uri address)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = endpoint.ServerNameOverride ?? address.Host };
        if (endpoint.TlsRootCertificatePem is { } pem)
        {
            X509Certificate2 root;
            try
            {
                root = X509Certificate2.CreateFromPem(pem);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new ConfigurationException($"The TLS root certificate of Fabric endpoint '{endpoint.Address}' is not PEM X.509: {e.Message}");
            }

            // Trust exactly this root for this node, as Fabric's own clients do with their tlsCACerts.
            options.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            options.CertificateChainPolicy.CustomTrustStore.Add(root);
        }

        return options;
    }
}
