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
        var ordered = new Dictionary<string, PurchaseOrder>(StringComparer.Ordinal);
        var open = new Dictionary<string, PurchaseOrder>(StringComparer.Ordinal);
        var won = new Dictionary<string, int>(StringComparer.Ordinal);
        var ratings = new List<RatingSample>();
        int orders = 0, cancelled = 0, arrived = 0;
        for (int day = 1; day <= scenario.Days; day++)
        {
            await Stage("Consumption", async () =>
            {
                // Every machine's consumption is its own: read all machines, draw in machine order, send all at once.
                Machine[] machines = await Task.WhenAll(Enumerable.Range(0, cast.Machines.Count).Select(async m => (await market.GetMachineAsync(Cast.MachineId(m), cancellationToken))!));
                var reports = new List<(int Machine, string Material, long Used)>();
                for (int m = 0; m < machines.Length; m++)
                {
                    foreach (MaterialSlot slot in machines[m].Slots)
                    {
                        long used = Math.Min(slot.Stock, random.Next(3, 13));
                        if (used > 0)
                        {
                            reports.Add((m, slot.MaterialNumber, used));
                        }
                    }
                }

                await InFlightAsync(reports, r => market.ReportConsumptionAsync(cast.Machines[r.Machine], r.Material, r.Used, cancellationToken));
                return reports.Count;
            });
            await Stage("Ordering", async () =>
            {
                int sent = 0;
                IReadOnlyList<MachineAgentAction>[] passes = await AgentPassesAsync(agents, open, now, cancellationToken);
                // The agent hands over each order as placed (its receipt's event); read back only where a ledger gave none.
                PurchaseOrder?[][] placed = await Task.WhenAll(passes.Select((actions, m) => Task.WhenAll(actions.Select(action => action.Kind != MachineAgentActionKind.Ordered
                    ? Task.FromResult<PurchaseOrder?>(null)
                    : action.Order is { } order ? Task.FromResult<PurchaseOrder?>(order)
                    : market.GetOrderAsync(cast.Machines[m], action.Reference!, cancellationToken)))));
                for (int m = 0; m < agents.Length; m++)
                {
                    for (int a = 0; a < passes[m].Count; a++)
                    {
                        MachineAgentAction action = passes[m][a];
                        sent += action.Kind is MachineAgentActionKind.NoQuotation ? 0 : 1;
                        if (action.Kind == MachineAgentActionKind.Cancelled)
                        {
                            cancelled++;
                            arrivals.Remove(action.Reference!);
                            open.Remove(action.Reference!);
                        }
                        else if (action.Kind == MachineAgentActionKind.Ordered)
                        {
                            orders++;
                            PurchaseOrder order = placed[m][a]!;
                            (open[order.OrderId], ordered[order.OrderId]) = (order, order);
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
                    // Arrivals at different machines are independent: scanned together, one machine's in due order;
                    // counted in due order afterwards.
                    Dictionary<string, bool> confirmed = await PerMachineAsync(due.Select(d => (d.Value.Machine, d.Key)), (machine, orderId) => agents[machine].ScanArrivalAsync(orderId, cancellationToken));
                    int sent = 0;
                    foreach ((string orderId, (int machine, DateTimeOffset _)) in due)
                    {
                        arrivals.Remove(orderId);
                        open.Remove(orderId);
                        if (confirmed[orderId])
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
                    // One machine's entries in order (its book is a chain), different machines' together; the order
                    // read at ordering time tells the material and quantity.
                    await PerMachineAsync(installs, async (machine, orderId) =>
                    {
                        PurchaseOrder order = ordered[orderId];
                        await market.RecordMaintenanceAsync(cast.Engineers[machine % scenario.Companies], new MaintenanceRecord(Cast.MachineId(machine), null, $"Installed from order {orderId}", [new InstalledMaterial(order.MaterialNumber, Math.Min(5, order.Quantity))]), cancellationToken);
                        return true;
                    });
                    return installs.Count;
                });
            }

            Company[] rated = await Task.WhenAll(cast.SupplierCompanies.Select(async supplier => (await market.GetCompanyAsync(supplier, cancellationToken))!));
            ratings.AddRange(rated.Select(company => new RatingSample(day, company.CompanyId, company.Evaluation.OnTimeRate, won.GetValueOrDefault(company.CompanyId))));

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
        foreach (UInt256 balance in await Task.WhenAll(cast.Signers.Select(holder => market.BalanceOfAsync(holder.Address, cancellationToken))))
        {
            held += balance;
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

        // Approvals, registrations, funding and escrow allowances are independent of each other: all in flight at once.
        var independent = new List<Func<Task>>();
        foreach (ISigner buyer in cast.Buyers)
        {
            independent.AddRange(quotations.Select(quotation => (Func<Task>)(() => market.ApproveQuotationAsync(buyer, quotation, cancellationToken))));
        }

        for (int m = 0; m < cast.Machines.Count; m++)
        {
            (int machine, MaterialSlot[] slots) = (m, [.. Materials.Select(material => new MaterialSlot(material, random.Next(20, 41), 10, 60))]);
            independent.Add(() => market.RegisterMachineAsync(cast.Engineers[machine % cast.Scenario.Companies], new MachineRegistration(Cast.MachineId(machine), cast.Machines[machine].Address, slots, TimeSpan.FromDays(365)), cancellationToken));
            independent.Add(() => market.MintAsync(cast.Operator, cast.Machines[machine].Address, 1_000_000, cancellationToken));
            independent.Add(() => market.ApproveAsync(cast.Machines[machine], market.EscrowAccount, UInt256.MaxValue, cancellationToken));
        }

        await InFlightAsync(independent, send => send());
        return sent + independent.Count;
    }

    // Sends independent transactions together, each started from a pool thread so that their signing runs in
    // parallel: the ledger has them all in flight (one batch of signature checks on the embedded ledger, no round
    // trip per transaction on a node) instead of one send-and-wait after the other.
    private static Task InFlightAsync<T>(IEnumerable<T> items, Func<T, Task> send) =>
        Task.WhenAll(items.Select(item => Task.Run(() => send(item))));

    // Runs each machine's items in their order and different machines' items at the same time; the results by item id.
    private static async Task<Dictionary<string, bool>> PerMachineAsync(IEnumerable<(int Machine, string Id)> items, Func<int, string, Task<bool>> run)
    {
        (string Id, bool Result)[][] lanes = await Task.WhenAll(items.GroupBy(item => item.Machine).Select(lane => Task.Run(async () =>
        {
            var results = new List<(string, bool)>();
            foreach ((int machine, string id) in lane)
            {
                results.Add((id, await run(machine, id)));
            }

            return results.ToArray();
        })));
        return lanes.SelectMany(lane => lane).ToDictionary(r => r.Id, r => r.Result, StringComparer.Ordinal);
    }

    // One pass of every agent, as many at once as keeps the outcome of passes one after the other: a pass ranks by the
    // suppliers' ratings, which in this stage only a cancellation changes, so a machine that cancels (an open order
    // past its grace period) starts after the passes before it end, and the passes after it start after it ends.
    private static async Task<IReadOnlyList<MachineAgentAction>[]> AgentPassesAsync(MachineAgent[] agents, Dictionary<string, PurchaseOrder> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var passes = new Task<IReadOnlyList<MachineAgentAction>>[agents.Length];
        var cancels = new bool[agents.Length];
        var running = new List<Task>();
        for (int m = 0; m < agents.Length; m++)
        {
            MachineAgent agent = agents[m];
            string machineId = Cast.MachineId(m);
            cancels[m] = open.Values.Any(o => o.MachineId == machineId && now >= o.CancellableFrom);
            if (cancels[m])
            {
                await Task.WhenAll(running);
                running.Clear();
                passes[m] = agent.RunOnceAsync(now, cancellationToken);
                await passes[m];
            }
            else
            {
                passes[m] = Task.Run(() => agent.RunOnceAsync(now, cancellationToken), cancellationToken);
                running.Add(passes[m]);
            }
        }

        IReadOnlyList<MachineAgentAction>[] done = await Task.WhenAll(passes);
        for (int m = 0; m < done.Length; m++)
        {
            if (!cancels[m] && done[m].Any(a => a.Kind == MachineAgentActionKind.Cancelled))
            {
                throw new InvalidOperationException($"Machine {Cast.MachineId(m)} cancelled an order the simulation did not know to be overdue; its pass ran beside others and the outcome may differ from a sequential run.");
            }
        }

        return done;
    }
}
