using CsCheck;

namespace ValueChain.Flexibility.Tests;

public sealed class BundlerTests
{
    [Fact]
    public void Candidates_aggregate_evs_by_location_slot_and_direction_and_cover_every_price()
    {
        EvAvailability[] availability =
        [
            new("EV-1", 72, FlexibilityDirection.Positive, "L1", 1_500, 100),
            new("EV-2", 72, FlexibilityDirection.Positive, "L1", 2_001, 120),
            new("EV-2", 73, FlexibilityDirection.Positive, "L1", 2_000, 120),
            new("EV-3", 72, FlexibilityDirection.Positive, "L2", 1_000, 90),
            new("EV-3", 72, FlexibilityDirection.Negative, "L2", 0, 90),
        ];

        IReadOnlyList<FlexibilityBundle> candidates = Bundler.Candidates(availability);

        Assert.Equal(3, candidates.Count);
        FlexibilityBundle l1 = candidates[0];
        Assert.Equal(("L1", 72, 3_501UL), (l1.Location, l1.Slot, l1.EnergyWh));
        Assert.Equal(["EV-1", "EV-2"], l1.EvIds);
        Assert.Equal(150UL + 241UL, l1.AskingPrice); // 1.5 kWh × 100 = 150; 2.001 kWh × 120 = 240.12, rounded up
    }

    [Fact]
    public void Selection_is_optimal_against_brute_force_and_never_uses_an_ev_twice()
    {
        Gen<EvAvailability> entry = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[1, 3], Gen.Int[1, 4000], Gen.Int[50, 200])
            .Select((ev, slot, direction, location, energy, price) =>
                new EvAvailability($"EV-{ev}", slot, (FlexibilityDirection)direction, $"L{location}", (ulong)energy, (ulong)price));
        entry.Array[1, 25].Sample(availability =>
        {
            IReadOnlyList<FlexibilityBundle> candidates = Bundler.Candidates(availability);
            if (candidates.Count > 14)
            {
                return;
            }

            BundleSelection selection = Bundler.Select(candidates);

            Assert.True(selection.IsProvenOptimal);
            Assert.Equal(BruteForce(candidates), selection.Revenue);
            List<string> evs = selection.Bundles.SelectMany(b => b.EvIds).ToList();
            Assert.Equal(evs.Count, evs.Distinct().Count());
            Assert.Equal(selection.Revenue, selection.Bundles.Aggregate(0UL, (sum, b) => sum + b.AskingPrice));
        }, iter: 300);
    }

    [Fact]
    public void A_run_out_budget_is_reported_and_the_result_is_still_conflict_free()
    {
        IReadOnlyList<FlexibilityBundle> candidates = Bundler.Candidates(SyntheticFleet.Generate(evs: 40, locations: 1, seed: 7));

        BundleSelection limited = Bundler.Select(candidates, nodeBudgetPerComponent: 5);
        BundleSelection full = Bundler.Select(candidates);

        Assert.False(limited.IsProvenOptimal);
        List<string> evs = limited.Bundles.SelectMany(b => b.EvIds).ToList();
        Assert.Equal(evs.Count, evs.Distinct().Count());
        Assert.True(full.Revenue >= limited.Revenue);
    }

    [Fact]
    public void The_synthetic_fleet_is_reproducible_from_its_seed_and_within_its_documented_ranges()
    {
        IReadOnlyList<EvAvailability> fleet = SyntheticFleet.Generate(evs: 200, locations: 25, seed: 42);

        Assert.Equal(fleet, SyntheticFleet.Generate(evs: 200, locations: 25, seed: 42));
        Assert.NotEqual(fleet, SyntheticFleet.Generate(evs: 200, locations: 25, seed: 43));
        Assert.Equal(200, fleet.Select(a => a.EvId).Distinct().Count());
        Assert.All(fleet, a =>
        {
            Assert.InRange(a.Slot, 56, 95);
            Assert.InRange(a.EnergyWh, 277UL, 5_500UL); // 3.7 kW × 15 min × 30 % … 22 kW × 15 min
            Assert.InRange(a.PricePerKWh, 80UL, 200UL);
        });
        Assert.InRange(fleet.Select(a => a.Location).Distinct().Count(), 20, 25);
        Assert.All(fleet.GroupBy(a => a.EvId), ev => Assert.Single(ev.Select(a => a.Location).Distinct()));
    }

    private static ulong BruteForce(IReadOnlyList<FlexibilityBundle> candidates)
    {
        ulong best = 0;
        for (int mask = 0; mask < 1 << candidates.Count; mask++)
        {
            var used = new HashSet<string>();
            ulong revenue = 0;
            bool valid = true;
            for (int i = 0; i < candidates.Count && valid; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    valid = candidates[i].EvIds.All(used.Add);
                    revenue += candidates[i].AskingPrice;
                }
            }

            if (valid)
            {
                best = Math.Max(best, revenue);
            }
        }

        return best;
    }
}
