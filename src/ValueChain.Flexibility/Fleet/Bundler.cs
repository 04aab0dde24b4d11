namespace ValueChain.Flexibility;

/// <summary>
/// Aggregates EV flexibility into offers and chooses which offers to make.
/// </summary>
/// <remarks>
/// <para>
/// Candidates: every (location, slot, direction) where EVs are available becomes one bundle of all
/// of them. An EV may make one offer per day (there is no state-of-charge data to make more safe), so
/// two bundles that share an EV conflict. Choosing the conflict-free set with the highest total asking
/// price is maximum-weight set packing, which is NP-hard in general.
/// </para>
/// <para>
/// Algorithm: the conflict graph splits into independent components (bundles that share no EV,
/// directly or through others, never constrain each other), and each component is solved exactly by
/// depth-first branch and bound: candidates in order of decreasing price; at each node the upper
/// bound is the current revenue plus the prices of all remaining candidates that conflict with none
/// chosen; a branch whose bound cannot beat the best set found is cut. When every component finishes
/// the result is optimal (<see cref="BundleSelection.IsProvenOptimal"/>). The worst case is exponential
/// in a component's size, so a node budget per component bounds the time; if it runs out, the best set
/// found so far is returned and reported as not proven optimal.
/// </para>
/// </remarks>
public static class Bundler
{
    /// <summary>One bundle per location, slot and direction with available EVs, in a stable order.</summary>
    public static IReadOnlyList<FlexibilityBundle> Candidates(IEnumerable<EvAvailability> availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return availability
            .Where(a => a.EnergyWh > 0)
            .GroupBy(a => (a.Location, a.Slot, a.Direction))
            .Select(g => new FlexibilityBundle(
                g.Key.Location, g.Key.Slot, g.Key.Direction,
                g.Select(a => a.EvId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Aggregate(0UL, (sum, a) => checked(sum + a.EnergyWh)),
                g.Aggregate(0UL, (sum, a) => checked(sum + (a.EnergyWh * a.PricePerKWh + 999) / 1000))))
            .OrderBy(b => b.Location, StringComparer.Ordinal).ThenBy(b => b.Slot).ThenBy(b => b.Direction)
            .ToList();
    }

    /// <summary>Chooses the most profitable set of candidates in which no EV appears twice.</summary>
    /// <param name="candidates">The candidate bundles.</param>
    /// <param name="nodeBudgetPerComponent">How many search nodes one conflict component may use.</param>
    public static BundleSelection Select(IReadOnlyList<FlexibilityBundle> candidates, long nodeBudgetPerComponent = 2_000_000)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var chosen = new List<FlexibilityBundle>();
        bool optimal = true;
        foreach (List<int> component in Components(candidates))
        {
            var search = new ComponentSearch(candidates, component, nodeBudgetPerComponent);
            chosen.AddRange(search.Run().Select(i => candidates[i]));
            optimal &= search.Finished;
        }

        List<FlexibilityBundle> ordered = chosen.OrderBy(b => b.Location, StringComparer.Ordinal).ThenBy(b => b.Slot).ThenBy(b => b.Direction).ToList();
        return new BundleSelection(ordered, ordered.Aggregate(0UL, (sum, b) => checked(sum + b.AskingPrice)), optimal);
    }

    // Connected components of the conflict graph, by union-find over shared EVs.
    private static IEnumerable<List<int>> Components(IReadOnlyList<FlexibilityBundle> candidates)
    {
        int[] parent = Enumerable.Range(0, candidates.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var firstBundleOfEv = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < candidates.Count; i++)
        {
            foreach (string ev in candidates[i].EvIds)
            {
                if (firstBundleOfEv.TryGetValue(ev, out int other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    firstBundleOfEv[ev] = i;
                }
            }
        }

        return Enumerable.Range(0, candidates.Count).GroupBy(Find).Select(g => g.ToList());
    }

    /// <summary>Exact branch and bound over one conflict component.</summary>
    private sealed class ComponentSearch
    {
        private readonly int[] _order;
        private readonly ulong[] _price;
        private readonly bool[,] _conflict;
        private readonly long _budget;
        private readonly List<int> _current = [];
        private List<int> _best = [];
        private ulong _bestRevenue;
        private long _nodes;

        public ComponentSearch(IReadOnlyList<FlexibilityBundle> candidates, List<int> component, long budget)
        {
            _order = component.OrderByDescending(i => candidates[i].AskingPrice).ThenBy(i => i).ToArray();
            _price = _order.Select(i => candidates[i].AskingPrice).ToArray();
            _conflict = new bool[_order.Length, _order.Length];
            for (int a = 0; a < _order.Length; a++)
            {
                var members = new HashSet<string>(candidates[_order[a]].EvIds, StringComparer.Ordinal);
                for (int b = a + 1; b < _order.Length; b++)
                {
                    _conflict[a, b] = _conflict[b, a] = candidates[_order[b]].EvIds.Any(members.Contains);
                }
            }

            _budget = budget;
        }

        public bool Finished { get; private set; } = true;

        public IEnumerable<int> Run()
        {
            Search(0, 0);
            return _best.Select(position => _order[position]);
        }

        private void Search(int next, ulong revenue)
        {
            if (revenue > _bestRevenue || _best.Count == 0)
            {
                _bestRevenue = revenue;
                _best = [.. _current];
            }

            if (++_nodes > _budget)
            {
                Finished = false;
                return;
            }

            for (int i = next; i < _order.Length; i++)
            {
                if (!Compatible(i))
                {
                    continue;
                }

                // Bound: take every remaining candidate that conflicts with none chosen so far.
                ulong bound = revenue;
                for (int j = i; j < _order.Length; j++)
                {
                    if (Compatible(j))
                    {
                        bound += _price[j];
                    }
                }

                if (bound <= _bestRevenue)
                {
                    return;
                }

                _current.Add(i);
                Search(i + 1, revenue + _price[i]);
                _current.RemoveAt(_current.Count - 1);
                if (!Finished)
                {
                    return;
                }
            }
        }

        private bool Compatible(int candidate)
        {
            foreach (int chosen in _current)
            {
                if (_conflict[chosen, candidate])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
