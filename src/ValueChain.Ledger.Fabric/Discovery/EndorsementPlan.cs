using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Endorses a proposal along the layouts of an endorsement descriptor, as Fabric's gateway does: the layouts are
/// tried in order; within one, each group is asked for as many peers as it needs (highest ledger first, all groups
/// at once), a peer that is down or refuses is replaced by the next of its group, and when a group runs out the
/// next layout is tried, reusing every endorsement already collected. Peers that the membership answer does not
/// list are not asked.
/// </summary>
internal sealed class EndorsementPlan
{
    private readonly EndorsementDescriptor _descriptor;
    private readonly Dictionary<string, List<DiscoveredPeer>> _groups;
    private readonly Dictionary<string, string> _excluded = new(StringComparer.Ordinal);

    /// <summary>A plan for <paramref name="descriptor"/>; with <paramref name="members"/>, only the peers it lists are asked.</summary>
    public EndorsementPlan(EndorsementDescriptor descriptor, IReadOnlyList<DiscoveredPeer>? members)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        _descriptor = descriptor;
        HashSet<string>? alive = members is null ? null : [.. members.Select(m => m.IdentityKey)];
        _groups = new Dictionary<string, List<DiscoveredPeer>>(StringComparer.Ordinal);
        foreach ((string group, IReadOnlyList<DiscoveredPeer> peers) in descriptor.Groups)
        {
            foreach (DiscoveredPeer missing in peers.Where(p => alive is not null && !alive.Contains(p.IdentityKey)))
            {
                _excluded[missing.Name] = "not in the channel's peer membership (stopped, or not known to the peer asked)";
            }

            _groups[group] = [.. peers.Where(p => alive is null || alive.Contains(p.IdentityKey)).OrderByDescending(p => p.LedgerHeight).ThenBy(p => p.Endpoint, StringComparer.Ordinal)];
        }
    }

    /// <summary>The peers of the descriptor that are not asked, with why.</summary>
    public IReadOnlyDictionary<string, string> Excluded => _excluded;

    /// <summary>The peers each group may still ask, in the order they are asked.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DiscoveredPeer>> Groups => _groups.ToDictionary(g => g.Key, g => (IReadOnlyList<DiscoveredPeer>)g.Value, StringComparer.Ordinal);

    /// <summary>
    /// Collects endorsements that satisfy one layout. <paramref name="answers"/> holds the answers so far by
    /// <see cref="DiscoveredPeer.IdentityKey"/> (shared across plans for the same proposal, so no peer is asked twice).
    /// </summary>
    /// <exception cref="FabricChaincodeException">The chaincode refused the invocation; disputed when another peer endorsed it.</exception>
    /// <exception cref="FabricEndorsementPolicyException">No layout can be met: names every peer that did not endorse, with why.</exception>
    public async Task<IReadOnlyList<EndorsementResult>> ExecuteAsync(string transactionId, Func<DiscoveredPeer, Task<PeerAnswer>> endorse, IDictionary<string, PeerAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(endorse);
        ArgumentNullException.ThrowIfNull(answers);
        foreach (IReadOnlyDictionary<string, int> layout in _descriptor.Layouts)
        {
            while (true)
            {
                List<DiscoveredPeer>? ask = NextToAsk(layout, answers);
                if (ask is null)
                {
                    break;
                }

                if (ask.Count == 0)
                {
                    return Chosen(layout, answers);
                }

                PeerAnswer[] asked = await Task.WhenAll(ask.Select(endorse)).ConfigureAwait(false);
                for (int i = 0; i < ask.Count; i++)
                {
                    answers[ask[i].IdentityKey] = asked[i];
                    if (asked[i].Response is { } response && ChaincodeError.TryDecode(response.Response) is { } refusal)
                    {
                        throw new FabricChaincodeException(refusal.Code, refusal.Message, transactionId) { Disputed = answers.Values.Any(Endorsed) };
                    }
                }
            }
        }

        List<DiscoveredPeer> all = [.. _descriptor.Groups.Values.SelectMany(p => p).DistinctBy(p => p.IdentityKey)];
        var notEndorsed = new Dictionary<string, string>(_excluded, StringComparer.Ordinal);
        foreach (DiscoveredPeer peer in all.Where(p => answers.TryGetValue(p.IdentityKey, out PeerAnswer? a) && !Endorsed(a)))
        {
            PeerAnswer answer = answers[peer.IdentityKey];
            notEndorsed[peer.Name] = answer.Failure?.Message ?? $"status {answer.Response!.Response.Status}: {answer.Response.Response.Message}";
        }

        throw new FabricEndorsementPolicyException(transactionId, _descriptor.ToString(),
            [.. all.Where(p => answers.TryGetValue(p.IdentityKey, out PeerAnswer? a) && Endorsed(a)).Select(p => p.Name)], notEndorsed);
    }

    // The peers to ask next for this layout: empty when it is met, null when it cannot be.
    private List<DiscoveredPeer>? NextToAsk(IReadOnlyDictionary<string, int> layout, IDictionary<string, PeerAnswer> answers)
    {
        var ask = new List<DiscoveredPeer>();
        foreach ((string group, int quantity) in layout)
        {
            List<DiscoveredPeer> peers = _groups.GetValueOrDefault(group) ?? [];
            int needed = quantity - peers.Count(p => answers.TryGetValue(p.IdentityKey, out PeerAnswer? a) && Endorsed(a));
            if (needed <= 0)
            {
                continue;
            }

            List<DiscoveredPeer> untried = [.. peers.Where(p => !answers.ContainsKey(p.IdentityKey) && !ask.Contains(p)).Take(needed)];
            if (untried.Count < needed)
            {
                return null;
            }

            ask.AddRange(untried);
        }

        return ask;
    }

    private List<EndorsementResult> Chosen(IReadOnlyDictionary<string, int> layout, IDictionary<string, PeerAnswer> answers) =>
    [
        .. layout
            .SelectMany(g => (_groups.GetValueOrDefault(g.Key) ?? []).Where(p => answers.TryGetValue(p.IdentityKey, out PeerAnswer? a) && Endorsed(a)).Take(g.Value))
            .DistinctBy(p => p.IdentityKey)
            .Select(p => new EndorsementResult(answers[p.IdentityKey].Peer, answers[p.IdentityKey].Response!)),
    ];

    private static bool Endorsed(PeerAnswer answer) =>
        answer.Response is { } response && EndorsementSelection.Succeeded(response) && response.Endorsement is not null;
}
