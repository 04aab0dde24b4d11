namespace ValueChain.Ledger.Fabric;

/// <summary>A peer or orderer: its gRPC address and, for TLS, the root certificate that signed its server certificate.</summary>
public sealed class FabricEndpoint
{
    /// <summary>The address: <c>https://host:port</c> for TLS, <c>http://host:port</c> without.</summary>
    public string Address { get; set; } = "";

    /// <summary>The PEM root (CA) certificate the node's TLS certificate must chain to; null trusts the system roots.</summary>
    public string? TlsRootCertificatePem { get; set; }

    /// <summary>The host name the node's TLS certificate must name, when it differs from the address (for example "peer0.org1.example.com").</summary>
    public string? ServerNameOverride { get; set; }

    /// <summary>
    /// The PEM certificate this client presents in the TLS handshake (mutual TLS), as peers and orderers
    /// with <c>clientAuthRequired</c> demand; set together with <see cref="ClientKeyPem"/>, or neither.
    /// </summary>
    public string? ClientCertificatePem { get; set; }

    /// <summary>The PEM private key (PKCS#8 or SEC 1) of <see cref="ClientCertificatePem"/>.</summary>
    public string? ClientKeyPem { get; set; }

    /// <summary>Shows the address.</summary>
    public override string ToString() => Address;
}
