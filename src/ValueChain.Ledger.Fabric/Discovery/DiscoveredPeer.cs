namespace ValueChain.Ledger.Fabric;

/// <summary>A peer as the discovery service describes it.</summary>
/// <param name="MspId">Its organisation, from its identity.</param>
/// <param name="Endpoint">Its gossip endpoint, <c>host:port</c>, where clients reach it.</param>
/// <param name="LedgerHeight">Its ledger height on the channel (0 when the answer has no state information).</param>
/// <param name="Chaincodes">The chaincodes it has, by name.</param>
/// <param name="IdentityKey">Its serialized identity, base64: what membership and endorser answers are matched by.</param>
internal sealed record DiscoveredPeer(string MspId, string Endpoint, ulong LedgerHeight, IReadOnlyList<string> Chaincodes, string IdentityKey)
{
    /// <summary>The peer as error messages name it.</summary>
    public string Name => $"{Endpoint} ({MspId})";
}
