using System.Diagnostics;
using System.Globalization;
using System.Text;
using ValueChain.Cryptography;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

/// <summary>
/// The published simulation: a seeded synthetic fleet, bundled into offers, runs one full market round
/// and the next day's payments on a ledger the caller starts, and reports offers, energy, revenue and
/// per-stage throughput. One fleet operator sells; the TSO bids on the offers it does not reject; each
/// location has one meter that signs every delivering EV's record.
/// </summary>
public static class FlexibilitySimulation
{
    /// <summary>The published grid: locations {25, 50, 75, 100, 500} × TSO rejection {50, 75, 90 %} × performance {50, 80, 90 %}.</summary>
    public static IReadOnlyList<SimulationScenario> Grid(int evs = 1000, int seed = 1, IEnumerable<int>? locations = null, IEnumerable<int>? rejections = null, IEnumerable<int>? performances = null) =>
        (from l in locations ?? [25, 50, 75, 100, 500]
         from r in rejections ?? [50, 75, 90]
         from p in performances ?? [50, 80, 90]
         select new SimulationScenario(evs, l, r, p, seed)).ToList();

    /// <summary>Runs one scenario on a market started by <paramref name="startMarket"/> with the given options.</summary>
    public static async Task<SimulationResult> RunAsync(
        SimulationScenario scenario,
        Func<FlexibilityOptions, IReadOnlyList<ISigner>, (IFlexibilityContract Market, ILedgerTimeControl Time, IAsyncDisposable Owner)> startMarket,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(startMarket);
        var random = new Random(scenario.Seed * 7919 + scenario.Locations * 31 + scenario.TsoRejectionPercent * 7 + scenario.PerformancePercent);
        EthereumSigner tso = Signer("tso", scenario.Seed), fleet = Signer("fleet", scenario.Seed);
        var options = new FlexibilityOptions();
        options.Verifiers.Add(new MarketParticipant(tso.Address, MarketRole.Verifier, "TSO"));
        (IFlexibilityContract market, ILedgerTimeControl time, IAsyncDisposable owner) = startMarket(options, [tso, fleet]);
        await using IAsyncDisposable _ = owner;

        IReadOnlyList<EvAvailability> availability = SyntheticFleet.Generate(scenario.Evs, scenario.Locations, scenario.Seed);
        BundleSelection selection = Bundler.Select(Bundler.Candidates(availability));
        string[] locations = selection.Bundles.Select(b => b.Location).Distinct().Order(StringComparer.Ordinal).ToArray();
        Dictionary<string, EthereumSigner> meters = locations.ToDictionary(l => l, l => Signer("meter " + l, scenario.Seed), StringComparer.Ordinal);

        await market.AddParticipantAsync(tso, fleet.Address, MarketRole.FleetOperator, "Fleet", cancellationToken);
        foreach (EthereumSigner meter in meters.Values)
        {
            await market.AddMeterAsync(tso, meter.Address, cancellationToken);
        }

        foreach (EthereumSigner trader in new[] { tso, fleet })
        {
            await market.MintAsync(tso, trader.Address, UInt256.MaxValue / 4, cancellationToken);
            await market.ApproveAsync(trader, market.PlatformAddress, UInt256.MaxValue, cancellationToken);
        }

        var stages = new List<StageFigures>();
        TimeSpan window = options.Clock.StageLength - options.Clock.GateClosure;
        async Task<T[]> Stage<T>(string name, IEnumerable<Func<Task<T>>> calls)
        {
            var clock = Stopwatch.StartNew();
            T[] results = await Task.WhenAll(calls.Select(call => call()));
            stages.Add(new StageFigures(name, results.Length, clock.Elapsed, clock.Elapsed <= window));
            return results;
        }

        // Offering: one offer per selected bundle, for one slot of tomorrow.
        await MoveToAsync(market, time, options.Clock, MarketStage.Offering);
        DateOnly tomorrow = DateOnly.FromDateTime((await time.GetTimeAsync(cancellationToken)).UtcDateTime).AddDays(1);
        OfferRequest[] requests = selection.Bundles.Select(b => new OfferRequest(tomorrow, b.Slot, 1, OfferTerms.LocationHash(b.Location), b.Direction, b.EnergyWh,
            Math.Max(1UL, b.AskingPrice), Math.Max(1UL, b.AskingPrice) / 5)).ToArray();
        FlexibilityReceipt[] offers = await Stage("Offering", requests.Select(r => (Func<Task<FlexibilityReceipt>>)(() => market.MakeOfferAsync(fleet, r, cancellationToken))));

        // Bidding: the TSO bids 10 % over the ask on every offer it does not reject.
        await MoveToAsync(market, time, options.Clock, MarketStage.Bidding);
        bool[] rejected = offers.Select(_ => random.Next(100) < scenario.TsoRejectionPercent).ToArray();
        await Stage("Bidding", offers.Select((o, i) => (o, i)).Where(x => !rejected[x.i])
            .Select(x => (Func<Task<FlexibilityReceipt>>)(() => market.BidAsync(tso, x.o.OfferId!.Value, requests[x.i].AskingPrice * 11 / 10, cancellationToken))));

        // Contract creation: the fleet operator confirms every offer (sold or expired).
        await MoveToAsync(market, time, options.Clock, MarketStage.ContractCreation);
        await Stage("ContractCreation", offers.Select(o => (Func<Task<FlexibilityReceipt>>)(() => market.CreateContractAsync(fleet, o.OfferId!.Value, cancellationToken))));

        // Next day: every delivering EV of a sold offer gets a record signed by its location's meter.
        var payments = new List<Func<Task<FlexibilityReceipt>>>();
        var nonces = new Dictionary<string, ulong>(StringComparer.Ordinal);
        ulong delivered = 0;
        int sold = 0;
        for (int i = 0; i < offers.Length; i++)
        {
            if (rejected[i] || await market.GetPaymentContractAsync(offers[i].OfferId!.Value, cancellationToken) is not { } contract)
            {
                continue;
            }

            sold++;
            FlexibilityBundle bundle = selection.Bundles[i];
            foreach (EvAvailability ev in availability.Where(a => a.Location == bundle.Location && a.Slot == bundle.Slot && a.Direction == bundle.Direction))
            {
                if (random.Next(100) >= scenario.PerformancePercent)
                {
                    continue;
                }

                ulong nonce = nonces[bundle.Location] = nonces.GetValueOrDefault(bundle.Location) + 1;
                var record = new EnergyTransferRecord(fleet.Address, tomorrow, bundle.Slot, OfferTerms.LocationHash(bundle.Location), bundle.Direction, ev.EnergyWh, nonce,
                    new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(15 * bundle.Slot + 14));
                RecoverableSignature signature = meters[bundle.Location].Sign(record.Digest(options.ChainId, contract.Escrow));
                long offerId = offers[i].OfferId!.Value;
                payments.Add(() => market.RequestPaymentAsync(fleet, offerId, record, signature, cancellationToken));
                delivered += ev.EnergyWh;
            }
        }

        FlexibilityReceipt[] paid = await Stage("Payment", payments);
        if (paid.FirstOrDefault(p => p.Rejection is not null) is { Rejection: { } refused })
        {
            throw new InvalidOperationException($"A simulated record was refused ({refused.Reason}); the simulation is wrong.");
        }

        UInt256 revenue = UInt256.Zero;
        foreach (FlexibilityReceipt offer in offers)
        {
            revenue += (await market.GetPaymentContractAsync(offer.OfferId!.Value, cancellationToken))?.Paid ?? UInt256.Zero;
        }

        return new SimulationResult(scenario, offers.Length, sold, delivered, revenue, stages);
    }

    /// <summary>The results as CSV: one line per run, throughput and window fit per stage.</summary>
    public static string ToCsv(IEnumerable<SimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        string[] stages = ["Offering", "Bidding", "ContractCreation", "Payment"];
        var csv = new StringBuilder("evs,locations,tso_rejection_percent,performance_percent,seed,offers_created,offers_sold,energy_delivered_wh,revenue");
        foreach (string stage in stages)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{stage}_tx,{stage}_seconds,{stage}_tx_per_second,{stage}_fits_window");
        }

        csv.Append('\n');
        foreach (SimulationResult r in results)
        {
            SimulationScenario s = r.Scenario;
            csv.Append(CultureInfo.InvariantCulture, $"{s.Evs},{s.Locations},{s.TsoRejectionPercent},{s.PerformancePercent},{s.Seed},{r.OffersCreated},{r.OffersSold},{r.EnergyDeliveredWh},{r.Revenue}");
            foreach (string stage in stages)
            {
                StageFigures? f = r.Stages.FirstOrDefault(x => x.Stage == stage);
                csv.Append(CultureInfo.InvariantCulture, $",{f?.Transactions ?? 0},{f?.WallTime.TotalSeconds ?? 0:F3},{f?.TransactionsPerSecond ?? 0:F0},{(f?.FitsWindow ?? true).ToString().ToLowerInvariant()}");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static async Task MoveToAsync(IFlexibilityContract market, ILedgerTimeControl time, MarketClock clock, MarketStage stage)
    {
        MarketPhase phase = await market.GetPhaseAsync();
        DateTimeOffset now = await time.GetTimeAsync();
        DateTimeOffset target = clock.StageStart(phase.Round, stage);
        if (target <= now && !(phase.Stage == stage && phase.GateOpen))
        {
            target = clock.StageStart(phase.Round + 1, stage);
        }

        if (target > now)
        {
            await time.AdvanceAsync(target - now);
        }
    }

    private static EthereumSigner Signer(string name, int seed) =>
        new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes($"simulation {seed} {name}")).ToArray()));
}
