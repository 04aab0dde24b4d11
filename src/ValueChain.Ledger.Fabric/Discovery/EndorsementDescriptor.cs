namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Who can endorse a chaincode, as the discovery service computes it from the endorsement policy: groups of peers
/// (the peers of each group satisfy the same principal) and layouts, each a number of peers from some groups that
/// together satisfy the policy.
/// </summary>
/// <param name="Chaincode">The chaincode.</param>
/// <param name="Groups">Group name → its peers.</param>
/// <param name="Layouts">Each layout: group name → how many of its peers must endorse.</param>
internal sealed record EndorsementDescriptor(string Chaincode, IReadOnlyDictionary<string, IReadOnlyList<DiscoveredPeer>> Groups, IReadOnlyList<IReadOnlyDictionary<string, int>> Layouts)
{
    /// <summary>The layouts in Fabric's notation, for error messages: <c>{G0: 1, G1: 1} or {…}</c>, with each group's peers.</summary>
    public override string ToString() =>
        $"the layouts of '{Chaincode}' ({string.Join(" or ", Layouts.Select(l => "{" + string.Join(", ", l.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Value}")) + "}"))}; "
        + string.Join(", ", Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} = [{string.Join(", ", g.Value.Select(p => p.Name))}]"))
        + ")";
}
