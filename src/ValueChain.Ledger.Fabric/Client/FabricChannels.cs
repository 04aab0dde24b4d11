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

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = Handler(endpoint, address), MaxReceiveMessageSize = 100 * 1024 * 1024 });
    }

    /// <summary>The HTTP handler of a channel to <paramref name="endpoint"/>: TLS with its root and, for mutual TLS, its client certificate.</summary>
    /// <exception cref="ConfigurationException">A certificate or key cannot be read, or a client certificate is set without https.</exception>
    internal static SocketsHttpHandler Handler(FabricEndpoint endpoint, Uri address)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, KeepAlivePingDelay = TimeSpan.FromSeconds(60), KeepAlivePingTimeout = TimeSpan.FromSeconds(20) };
        if (address.Scheme == "https")
        {
            handler.SslOptions = TlsOptions(endpoint, address);
        }
        else if (endpoint.ClientCertificatePem is not null || endpoint.ClientKeyPem is not null)
        {
            throw new ConfigurationException($"Fabric endpoint '{endpoint.Address}' has a client certificate but is not an https:// address: mutual TLS needs TLS.");
        }

        return handler;
    }

    /// <summary>SHA-256 of the DER client certificate the endpoint presents, as Fabric binds Deliver requests to it; null without one.</summary>
    internal static byte[]? ClientCertificateHash(FabricEndpoint endpoint)
    {
        using X509Certificate2? certificate = ClientCertificate(endpoint);
        return certificate is null ? null : System.Security.Cryptography.SHA256.HashData(certificate.RawData);
    }

    /// <summary>The client certificate with its key, or null when the endpoint presents none.</summary>
    /// <exception cref="ConfigurationException">Only one of certificate and key is set, or they cannot be read or do not match.</exception>
    internal static X509Certificate2? ClientCertificate(FabricEndpoint endpoint)
    {
        if (endpoint.ClientCertificatePem is null && endpoint.ClientKeyPem is null)
        {
            return null;
        }

        if (endpoint.ClientCertificatePem is null || endpoint.ClientKeyPem is null)
        {
            throw new ConfigurationException($"Fabric endpoint '{endpoint.Address}' needs both ClientCertificatePem and ClientKeyPem for mutual TLS, or neither.");
        }

        try
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPem(endpoint.ClientCertificatePem, endpoint.ClientKeyPem);
            // Through PKCS#12, so that the key is usable by the TLS stack on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            // ArgumentException: the key is not the certificate's.
            throw new ConfigurationException($"The client certificate or key of Fabric endpoint '{endpoint.Address}' cannot be read as PEM (or they do not match): {e.Message}");
        }
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

        if (ClientCertificate(endpoint) is { } client)
        {
            options.ClientCertificates = [client];
        }

        return options;
    }
}
