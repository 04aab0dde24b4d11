namespace ValueChain.Flexibility;

/// <summary>
/// A seeded synthetic fleet in place of the published data set: the same seed always gives the same
/// fleet (System.Random's seeded algorithm is stable), so simulation runs are reproducible.
/// </summary>
/// <remarks>
/// Distributions, per EV:
/// <list type="bullet">
/// <item>location: uniform over <c>location-1 … location-N</c>;</item>
/// <item>charger power: uniform over 3.7, 7.4, 11 and 22 kW;</item>
/// <item>plug-in slot: normal around 18:00 (slot 72) with a standard deviation of 2 hours (8 slots), clamped to 56–88 (14:00–22:00);</item>
/// <item>plugged in for a uniform 4 to 12 hours, ending no later than the last slot of the day;</item>
/// <item>per plugged-in slot and direction, shiftable energy: power × 15 min × a uniform 30–100 % share, in whole Wh;</item>
/// <item>price accepted: uniform 80–160 token base units per kWh for positive, 100–200 for negative flexibility (per EV, both directions).</item>
/// </list>
/// </remarks>
public static class SyntheticFleet
{
    private static readonly double[] ChargerKilowatts = [3.7, 7.4, 11, 22];

    /// <summary>The predicted availability of <paramref name="evs"/> EVs at <paramref name="locations"/> locations.</summary>
    public static IReadOnlyList<EvAvailability> Generate(int evs, int locations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(locations);
        var random = new Random(seed);
        var availability = new List<EvAvailability>();
        for (int ev = 0; ev < evs; ev++)
        {
            string id = $"EV-{ev:D5}";
            string location = $"location-{random.Next(locations) + 1}";
            double kilowatts = ChargerKilowatts[random.Next(ChargerKilowatts.Length)];
            int plugIn = Math.Clamp((int)Math.Round(72 + 8 * StandardNormal(random)), 56, 88);
            int plugOut = Math.Min(95, plugIn + random.Next(16, 49));
            ulong positivePrice = (ulong)random.Next(80, 161), negativePrice = (ulong)random.Next(100, 201);
            for (int slot = plugIn; slot <= plugOut; slot++)
            {
                availability.Add(new(id, slot, FlexibilityDirection.Positive, location, Energy(random, kilowatts), positivePrice));
                availability.Add(new(id, slot, FlexibilityDirection.Negative, location, Energy(random, kilowatts), negativePrice));
            }
        }

        return availability;
    }

    private static ulong Energy(Random random, double kilowatts) => (ulong)Math.Round(kilowatts * 250 * (0.3 + 0.7 * random.NextDouble()));

    // Box–Muller: one standard normal sample from two uniforms.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
