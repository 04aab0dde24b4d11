using System.Text;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A decoded answer to the client's discovery request (three queries, in this order: the channel's configuration,
/// its peer membership, the endorsers of one chaincode).
/// </summary>
/// <param name="TlsRoots">MSP id → the PEM TLS root certificates of its nodes, from the channel configuration.</param>
/// <param name="Members">The peers the answering peer sees alive on the channel.</param>
/// <param name="Endorsers">The endorsement descriptor of the chaincode.</param>
internal sealed record DiscoveryAnswer(IReadOnlyDictionary<string, string> TlsRoots, IReadOnlyList<DiscoveredPeer> Members, EndorsementDescriptor Endorsers)
{
    /// <summary>Decodes a response to the three queries <see cref="DiscoveryRequests.Queries"/> builds.</summary>
    /// <exception cref="FabricDiscoveryException">A query was answered with an error, or the response has the wrong shape.</exception>
    public static DiscoveryAnswer Decode(Discovery.Response response, string peer, string chaincode)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Results.Count != 3)
        {
            throw new FabricDiscoveryException(peer, chaincode, $"expected 3 results (config, membership, endorsers), got {response.Results.Count}");
        }

        Discovery.QueryResult config = Expect(response.Results[0], Discovery.QueryResult.ResultOneofCase.ConfigResult, peer, chaincode, "");
        Discovery.QueryResult members = Expect(response.Results[1], Discovery.QueryResult.ResultOneofCase.Members, peer, chaincode, "");
        IReadOnlyList<DiscoveredPeer> alive = MembersOf(members.Members);

        // The service's own error does not say which peers it had; the membership answered alongside does.
        string view = $" (the peer's membership view: {(alive.Count == 0 ? "no peer" : string.Join(", ", alive.Select(m => m.Name)))})";
        Discovery.QueryResult endorsers = Expect(response.Results[2], Discovery.QueryResult.ResultOneofCase.CcQueryRes, peer, chaincode, view);
        return new DiscoveryAnswer(TlsRootsOf(config.ConfigResult), alive, DescriptorOf(endorsers.CcQueryRes, peer, chaincode));
    }

    /// <summary>The TLS roots of each MSP in a configuration result.</summary>
    public static IReadOnlyDictionary<string, string> TlsRootsOf(Discovery.ConfigResult config) =>
        config.Msps.ToDictionary(m => m.Key, m => string.Concat(m.Value.TlsRootCerts.Select(c => c.ToStringUtf8())), StringComparer.Ordinal);

    /// <summary>The peers of a membership result, ordered by organisation and endpoint.</summary>
    public static IReadOnlyList<DiscoveredPeer> MembersOf(Discovery.PeerMembershipResult members) =>
        [.. members.PeersByOrg.SelectMany(o => o.Value.Peers_.Select(PeerOf)).OrderBy(p => p.MspId, StringComparer.Ordinal).ThenBy(p => p.Endpoint, StringComparer.Ordinal)];

    /// <summary>The endorsement descriptor of the one chaincode asked for.</summary>
    /// <exception cref="FabricDiscoveryException">The result has no descriptor for it.</exception>
    public static EndorsementDescriptor DescriptorOf(Discovery.ChaincodeQueryResult result, string peer, string chaincode)
    {
        Discovery.EndorsementDescriptor? descriptor = result.Content.FirstOrDefault(d => d.Chaincode == chaincode);
        if (descriptor is null)
        {
            throw new FabricDiscoveryException(peer, chaincode, $"the answer describes {(result.Content.Count == 0 ? "no chaincode" : string.Join(", ", result.Content.Select(d => $"'{d.Chaincode}'")))}");
        }

        return new EndorsementDescriptor(
            descriptor.Chaincode,
            descriptor.EndorsersByGroups.ToDictionary(g => g.Key, g => (IReadOnlyList<DiscoveredPeer>)[.. g.Value.Peers_.Select(PeerOf)], StringComparer.Ordinal),
            [.. descriptor.Layouts.Select(l => (IReadOnlyDictionary<string, int>)l.QuantitiesByGroup.ToDictionary(q => q.Key, q => checked((int)q.Value), StringComparer.Ordinal))]);
    }

    private static Discovery.QueryResult Expect(Discovery.QueryResult result, Discovery.QueryResult.ResultOneofCase expected, string peer, string chaincode, string context) =>
        result.ResultCase == expected ? result
        : result.ResultCase == Discovery.QueryResult.ResultOneofCase.Error ? throw new FabricDiscoveryException(peer, chaincode, result.Error.Content.TrimEnd() + context)
        : throw new FabricDiscoveryException(peer, chaincode, $"expected a {expected} result, got {result.ResultCase}");

    // A peer's organisation comes from its identity; its endpoint and chaincodes from the gossip messages it signed.
    private static DiscoveredPeer PeerOf(Discovery.Peer peer)
    {
        string mspId = Msp.SerializedIdentity.Parser.ParseFrom(peer.Identity).Mspid;
        string endpoint = peer.MembershipInfo is { } alive ? Gossip.GossipMessage.Parser.ParseFrom(alive.Payload).AliveMsg?.Membership?.Endpoint ?? "" : "";
        Gossip.Properties? state = peer.StateInfo is { } info ? Gossip.GossipMessage.Parser.ParseFrom(info.Payload).StateInfo?.Properties : null;
        return new DiscoveredPeer(
            mspId,
            endpoint,
            state?.LedgerHeight ?? 0,
            [.. state?.Chaincodes.Select(c => c.Name) ?? []],
            Convert.ToBase64String(peer.Identity.Span));
    }

    /// <summary>A short description, for logs and tests.</summary>
    public override string ToString() => new StringBuilder("DiscoveryAnswer(members: ")
        .AppendJoin(", ", Members.Select(m => m.Name)).Append("; ").Append(Endorsers).Append(')').ToString();
}
