namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>Configures the content gateway: where it listens and which responses it serves.</summary>
public sealed class ContentGatewayOptions
{
    /// <summary>The IP address to listen on; the loopback address 127.0.0.1 by default.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port to listen on (8080 by default, as Kubo's gateway); 0 picks a free one.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// Must be set to listen on an address other than loopback, so that serving the store to other
    /// hosts is always a decision someone made.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// Serves only verifiable responses (raw blocks and CARs) and refuses requests for plain file
    /// bytes, as a strict trustless gateway does; false (the default) serves files to browsers too.
    /// </summary>
    public bool TrustlessOnly { get; set; }
}
