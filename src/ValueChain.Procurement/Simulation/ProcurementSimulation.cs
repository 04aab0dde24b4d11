using System.Diagnostics;
using System.Globalization;
using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>
/// The published case study as a seeded simulation on a ledger the caller starts: companies with a buyer, an engineer
/// and a supplier each; machines with two slots whose agents order by rank when stock runs low; suppliers that deliver
/// on time, late or not at all by seeded behaviour; arrivals scanned, paid and rated; overdue orders cancelled and
/// refunded; engineers installing and recording. Reports transactions, throughput per stage, final ratings and each
/// supplier's share of the orders.
/// </summary>
public static class ProcurementSimulation
{
    private static readonly string[] Materials = ["MAT-A", "MAT-B"];

    /// <summary>Runs <paramref name="scenario"/> on a marketplace started by <paramref name="startMarket"/>; <paramref name="progress"/> hears each finished day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scenario has no company, machine, quotation or day.</exception>
    public static Task<ProcurementSimulationResult> RunAsync(
        ProcurementScenario scenario,
        Func<ProcurementOptions, IReadOnlyList<ISigner>, (IProcurementContract Market, ILedgerTimeControl Time, IAsyncDisposable Owner)> startMarket,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startMarket);
        return RunAsync(scenario, (options, signers) => Task.FromResult(startMarket(options, signers)), progress, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> on a marketplace that <paramref name="startMarket"/> starts asynchronously (a
    /// deployment on a node, say: its time is part of the run); <paramref name="progress"/> hears each finished day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The scenario has no company, machine, quotation or day.</exception>
    public static async Task<ProcurementSimulationResult> RunAsync(
        ProcurementScenario scenario,
        Func<ProcurementOptions, IReadOnlyList<ISigner>, Task<(IProcurementContract Market, ILedgerTimeControl Time, IAsyncDisposable Owner)>> startMarket,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(startMarket);
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(Math.Min(scenario.Companies, scenario.Machines), Math.Min(scenario.Quotations, scenario.Days)), 1, nameof(scenario));
        var random = new Random(scenario.Seed);
        var cast = new Cast(scenario);
        (IProcurementContract market, ILedgerTimeControl time, IAsyncDisposable owner) = await startMarket(cast.Options, cast.Signers);
        await using IAsyncDisposable ledgerOwner = owner;
        var stages = new Dictionary<string, (int Transactions, TimeSpan Wall)>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        async Task Stage(string name, Func<Task<int>> work)
        {
            var clock = Stopwatch.StartNew();
            int transactions = await work();
            (int t, TimeSpan w) = stages.GetValueOrDefault(name);
            stages[name] = (t + transactions, w + clock.Elapsed);
        }

        DateTimeOffset now = await time.GetTimeAsync(cancellationToken);
        int[] latePercent = [.. Enumerable.Range(0, scenario.Companies).Select(_ => random.Next(0, 13) * 5)];
        await Stage("Setup", () => SetupAsync(market, cast, random, now, cancellationToken));

        var agents = cast.Machines.Select(m => new MachineAgent(market, m, new MachineAgentOptions { StartingRate = cast.Options.StartingRate })).ToArray();
        var arrivals = new Dictionary<string, (int Machine, DateTimeOffset At)>(StringComparer.Ordinal);
        var won = new Dictionary<string, int>(StringComparer.Ordinal);
        var ratings = new List<RatingSample>();
        int orders = 0, cancelled = 0, arrived = 0;
        for (int day = 1; day <= scenario.Days; day++)
        {
            await Stage("Consumption", async () =>
            {
                int sent = 0;
                for (int m = 0; m < cast.Machines.Count; m++)
                {
                    Machine machine = (await market.GetMachineAsync(Cast.MachineId(m), cancellationToken))!;
                    foreach (MaterialSlot slot in machine.Slots)
                    {
                        long used = Math.Min(slot.Stock, random.Next(3, 13));
                        if (used > 0)
                        {
                            await market.ReportConsumptionAsync(cast.Machines[m], slot.MaterialNumber, used, cancellationToken);
                            sent++;
                        }
                    }
                }

                return sent;
            });
            await Stage("Ordering", async () =>
            {
                int sent = 0;
                for (int m = 0; m < agents.Length; m++)
                {
                    foreach (MachineAgentAction action in await agents[m].RunOnceAsync(now, cancellationToken))
                    {
                        sent += action.Kind is MachineAgentActionKind.NoQuotation ? 0 : 1;
                        if (action.Kind == MachineAgentActionKind.Cancelled)
                        {
                            cancelled++;
                            arrivals.Remove(action.Reference!);
                        }
                        else if (action.Kind == MachineAgentActionKind.Ordered)
                        {
                            orders++;
                            PurchaseOrder order = (await market.GetOrderAsync(cast.Machines[m], action.Reference!, cancellationToken))!;
                            won[order.SupplierCompany] = won.GetValueOrDefault(order.SupplierCompany) + 1;
                            int late = latePercent[Cast.CompanyIndex(order.SupplierCompany)];
                            int roll = random.Next(100);
                            TimeSpan promised = order.RequestedBy - order.OrderedAt;
                            // 5 % never arrive (cancelled after the grace period); the supplier's late share arrives 6 to 18 hours late; the rest early or on time.
                            if (roll >= 5)
                            {
                                arrivals[order.OrderId] = (m, roll < 5 + late
                                    ? order.RequestedBy + TimeSpan.FromHours(random.Next(6, 19))
                                    : order.OrderedAt + promised * (random.Next(50, 101) / 100.0));
                            }
                        }
                    }
                }

                return sent;
            });
            for (int half = 0; half < 2; half++)
            {
                await time.AdvanceAsync(TimeSpan.FromHours(12), cancellationToken);
                now += TimeSpan.FromHours(12);
                var due = arrivals.Where(a => a.Value.At <= now).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
                var installs = new List<(int Machine, string OrderId)>();
                await Stage("Delivery", async () =>
                {
                    int sent = 0;
                    foreach ((string orderId, (int machine, DateTimeOffset _)) in due)
                    {
                        arrivals.Remove(orderId);
                        if (await agents[machine].ScanArrivalAsync(orderId, cancellationToken))
                        {
                            sent++;
                            if (++arrived % 3 == 0)
                            {
                                installs.Add((machine, orderId));
                            }
                        }
                    }

                    return sent;
                });
                await Stage("Maintenance", async () =>
                {
                    foreach ((int machine, string orderId) in installs)
                    {
                        PurchaseOrder order = (await market.GetOrderAsync(cast.Machines[machine], orderId, cancellationToken))!;
                        await market.RecordMaintenanceAsync(cast.Engineers[machine % scenario.Companies], new MaintenanceRecord(Cast.MachineId(machine), null, $"Installed from order {orderId}", [new InstalledMaterial(order.MaterialNumber, Math.Min(5, order.Quantity))]), cancellationToken);
                    }

                    return installs.Count;
                });
            }

            foreach (string supplier in cast.SupplierCompanies)
            {
                ratings.Add(new RatingSample(day, supplier, (await market.GetCompanyAsync(supplier, cancellationToken))!.Evaluation.OnTimeRate, won.GetValueOrDefault(supplier)));
            }

            progress?.Report(day);
        }

        TimeSpan wall = total.Elapsed;
        var suppliers = new List<SupplierOutcome>();
        foreach (string supplier in cast.SupplierCompanies)
        {
            int count = won.GetValueOrDefault(supplier);
            suppliers.Add(new SupplierOutcome(supplier, latePercent[Cast.CompanyIndex(supplier)], (await market.GetCompanyAsync(supplier, cancellationToken))!.Evaluation, count, orders == 0 ? 0 : count * 10_000 / orders));
        }

        UInt256 held = UInt256.Zero;
        foreach (ISigner holder in cast.Signers)
        {
            held += await market.BalanceOfAsync(holder.Address, cancellationToken);
        }

        Chaincode.EscrowHoldings escrow = await market.GetEscrowHoldingsAsync(cancellationToken);
        bool conserved = escrow.Balanced && held + escrow.Held == await market.TotalSupplyAsync(cancellationToken);
        return new ProcurementSimulationResult(
            scenario, stages.Values.Sum(s => s.Transactions), wall, orders, cancelled,
            [.. stages.Select(s => new ProcurementStageFigures(s.Key, s.Value.Transactions, s.Value.Wall))], suppliers, ratings, conserved);
    }

    /// <summary>The ratings over time and the final outcome as CSV (one row per supplier and day; the last day is the final rating).</summary>
    public static string ToCsv(ProcurementSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("day,supplier,late_percent,on_time_rate_bp,orders_won\n");
        Dictionary<string, int> late = result.Suppliers.ToDictionary(s => s.CompanyId, s => s.LatePercent, StringComparer.Ordinal);
        foreach (RatingSample sample in result.Ratings)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{sample.Day},{sample.CompanyId},{late[sample.CompanyId]},{sample.Rate?.ToString(CultureInfo.InvariantCulture) ?? ""},{sample.OrdersWon}\n");
        }

        return csv.ToString();
    }

    private static async Task<int> SetupAsync(IProcurementContract market, Cast cast, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int sent = 0;
        var quotations = new List<long>();
        for (int q = 0; q < cast.Scenario.Quotations; q++)
        {
            var terms = new QuotationTerms(Materials[q % 2], (ulong)random.Next(8, 16), now, now.AddDays(cast.Scenario.Days + 30), TimeSpan.FromDays(random.Next(1, 4)));
            quotations.Add((await market.CreateQuotationAsync(cast.Suppliers[q % cast.Scenario.Companies], terms, cancellationToken)).QuotationId!.Value);
            sent++;
        }

        foreach (ISigner buyer in cast.Buyers)
        {
            foreach (long quotation in quotations)
            {
                await market.ApproveQuotationAsync(buyer, quotation, cancellationToken);
                sent++;
            }
        }

        for (int m = 0; m < cast.Machines.Count; m++)
        {
            MaterialSlot[] slots = [.. Materials.Select(material => new MaterialSlot(material, random.Next(20, 41), 10, 60))];
            await market.RegisterMachineAsync(cast.Engineers[m % cast.Scenario.Companies], new MachineRegistration(Cast.MachineId(m), cast.Machines[m].Address, slots, TimeSpan.FromDays(365)), cancellationToken);
            await market.MintAsync(cast.Operator, cast.Machines[m].Address, 1_000_000, cancellationToken);
            await market.ApproveAsync(cast.Machines[m], market.EscrowAccount, UInt256.MaxValue, cancellationToken);
            sent += 3;
        }

        return sent;
    }
}
