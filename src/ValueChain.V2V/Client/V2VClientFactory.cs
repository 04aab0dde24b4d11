using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>
/// Makes <see cref="V2VClient"/>s and <see cref="AuthorityClient"/>s over one <see cref="IV2VContract"/> and content
/// store, each bound to the signer it acts for. <c>AddV2V</c> registers one; resolve it from the container.
/// </summary>
public sealed class V2VClientFactory
{
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly MatchingRules _rules;

    /// <summary>Creates a factory over <paramref name="map"/> and <paramref name="store"/>, previewing with the deployment's <paramref name="rules"/>.</summary>
    public V2VClientFactory(IV2VContract map, IContentStore store, MatchingRules rules)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rules);
        _map = map;
        _store = store;
        _rules = rules;
    }

    /// <summary>A vehicle client reporting as <paramref name="trip"/>.</summary>
    public V2VClient Create(ISigner trip) => new(_map, _store, new ReportVerifier(_map, _store), _rules, trip);

    /// <summary>An authority client acting as <paramref name="authority"/>.</summary>
    public AuthorityClient CreateAuthority(ISigner authority) => new(_map, new ReportVerifier(_map, _store), authority);
}
