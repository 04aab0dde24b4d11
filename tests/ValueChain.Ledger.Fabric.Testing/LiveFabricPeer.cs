namespace ValueChain.Ledger.Fabric.Testing;

/// <summary>One peer of a live network and the admin of its organisation (who approves chaincode definitions for it).</summary>
/// <param name="Endpoint">Where the peer is, with its TLS root and, under mutual TLS, the client certificate to present.</param>
/// <param name="MspId">The peer's organisation.</param>
/// <param name="AdminCertificatePem">The organisation admin's certificate.</param>
/// <param name="AdminKeyPem">The organisation admin's key.</param>
public sealed record LiveFabricPeer(FabricEndpoint Endpoint, string MspId, string AdminCertificatePem, string AdminKeyPem);
