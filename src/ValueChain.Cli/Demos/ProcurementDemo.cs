using System.Text;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Procurement;

namespace ValueChain.Cli.Demos;

/// <summary>
/// A self-maintaining machine: its agent orders from the best approved supplier, a late delivery lowers that
/// supplier's rating, an order that never arrives is cancelled and refunded, an engineer installs and records,
/// and the buyer of the used machine reads the maintenance book through a grant that is then revoked.
/// </summary>
internal sealed class ProcurementDemo : IDemo
{
    private const string Bolts = "BOLT-M8", Oil = "OIL-5L", Mill = "MILL-7";

    public string Name => "procurement";

    public bool RunsOnAnyLedger => true;

    public string Description => "Machine marketplace: a machine orders from the best supplier with escrow, a late delivery lowers a rating, a refund, a maintenance book read through a grant";

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        EthereumSigner op = Key("operator"), admin = Key("acme admin"), buyer = Key("acme buyer"), engineer = Key("acme engineer");
        EthereumSigner bolt = Key("bolt supplier"), cogs = Key("cogs supplier"), machineKey = Key("mill 7"), usedBuyer = Key("used machine buyer");
        var options = new ProcurementOptions { CancellationGrace = TimeSpan.FromDays(1) };
        options.GenesisCompanies.Add(new GenesisCompany("operator", "Marketplace Operator"));
        options.GenesisCompanies.Add(new GenesisCompany("acme", "ACME Machining"));
        options.GenesisCompanies.Add(new GenesisCompany("bolt", "Bolt & Nut Supply"));
        options.GenesisUsers.Add(new ProcurementUser(op.Address, "Operator", ProcurementRole.MarketplaceAdmin, "operator", true));
        options.GenesisUsers.Add(new ProcurementUser(admin.Address, "ACME Admin", ProcurementRole.Admin, "acme", true));
        options.GenesisUsers.Add(new ProcurementUser(buyer.Address, "ACME Buyer", ProcurementRole.Buyer, "acme"));
        options.GenesisUsers.Add(new ProcurementUser(engineer.Address, "ACME Engineer", ProcurementRole.ServiceEngineer, "acme"));
        options.GenesisUsers.Add(new ProcurementUser(bolt.Address, "Bolt Supplier", ProcurementRole.Supplier, "bolt"));
        await using DemoLedger ledger = await ledgers.OpenAsync(cancellationToken);
        await ledger.AddActorsAsync([op, admin, buyer, engineer, bolt, cogs, machineKey, usedBuyer], cancellationToken);
        (IProcurementContract market, ILedgerTimeControl time) = await ledger.ProcurementAsync(options, new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), cancellationToken);
        DateTimeOffset now = await time.GetTimeAsync(cancellationToken);
        var agent = new MachineAgent(market, machineKey, new MachineAgentOptions { StartingRate = options.StartingRate });

        var steps = new Table().Title($"A machine in the marketplace on the {Markup.Escape(ledger.Name)}").AddColumns("Ledger time", "Who", "What", "Result");
        void Row(string who, string what, string result) => steps.AddRow(now.ToString("MM-dd HH:mm"), who, Markup.Escape(what), result);
        async Task AdvanceAsync(TimeSpan by)
        {
            await time.AdvanceAsync(by, cancellationToken);
            now = await time.GetTimeAsync(cancellationToken);
        }

        await market.InviteAsync(op, cogs.Address, "Cogs Supplier", ProcurementRole.Supplier, "cogs", "Cogs Ltd", cancellationToken);
        Row("Operator", "invites Cogs Ltd with its supplier", $"[green]joined[/] ({(await market.GetCompanyAsync("cogs", cancellationToken))!.Name})");
        await market.RegisterMachineAsync(engineer, new MachineRegistration(Mill, machineKey.Address, [new MaterialSlot(Bolts, 12, 5, 60), new MaterialSlot(Oil, 4, 1, 6)], TimeSpan.FromDays(90)), cancellationToken);
        await market.MintAsync(op, machineKey.Address, 10_000, cancellationToken);
        await market.ApproveAsync(machineKey, market.EscrowAccount, UInt256.MaxValue, cancellationToken);
        Row("ACME Engineer", $"registers {Mill} (bolts 12 of 60, reorder at 5; oil 4 of 6)", "[green]machine with its own key and 10000 tokens[/]");

        long boltQuote = (await market.CreateQuotationAsync(bolt, new QuotationTerms(Bolts, 10, now, now.AddDays(60), TimeSpan.FromDays(2)), cancellationToken)).QuotationId!.Value;
        long cogsQuote = (await market.CreateQuotationAsync(cogs, new QuotationTerms(Bolts, 9, now, now.AddDays(60), TimeSpan.FromDays(1)), cancellationToken)).QuotationId!.Value;
        await market.ApproveQuotationAsync(buyer, boltQuote, cancellationToken);
        await market.ApproveQuotationAsync(buyer, cogsQuote, cancellationToken);
        Row("Suppliers, ACME Buyer", "Bolt quotes bolts at 10 (2 days), Cogs at 9 (1 day); the buyer approves both for ACME", "[green]selectable for ACME's machines[/]");

        await market.ReportConsumptionAsync(machineKey, Bolts, 8, cancellationToken);
        MachineAgentAction first = (await agent.RunOnceAsync(now, cancellationToken)).Single();
        PurchaseOrder order1 = (await market.GetOrderAsync(machineKey, first.Reference!, cancellationToken))!;
        Row(Mill, "uses 8 bolts (stock 4, at most 5): the corrective trigger fires", $"[green]orders {order1.Quantity} from {Supplier(order1)}[/] (best R = e/p; both new: 50 %), {order1.Total} in escrow");

        await AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(6));
        await agent.ScanArrivalAsync(order1.OrderId, cancellationToken);
        Row(Mill, $"scans order {order1.OrderId} on the package, 6 hours late", $"[yellow]paid, but late[/]: Cogs on time {Rate(await market.GetCompanyAsync("cogs", cancellationToken))}");

        await market.ReportConsumptionAsync(machineKey, Bolts, 56, cancellationToken);
        MachineAgentAction second = (await agent.RunOnceAsync(now, cancellationToken)).Single();
        PurchaseOrder order2 = (await market.GetOrderAsync(machineKey, second.Reference!, cancellationToken))!;
        Row(Mill, "uses 56 bolts: the trigger fires again", $"[green]orders from {Supplier(order2)}[/] now (Cogs ranks lower after the late delivery)");

        await AdvanceAsync(TimeSpan.FromDays(3));
        IReadOnlyList<MachineAgentAction> overdue = await agent.RunOnceAsync(now, cancellationToken);
        string reordered = overdue.Count > 1 ? $"; the slot still needs bolts: orders again from {Supplier((await market.GetOrderAsync(machineKey, overdue[1].Reference!, cancellationToken))!)}" : "";
        Row(Mill, $"nothing arrived by the requested time plus one day's grace", $"[green]{overdue[0].Kind} {overdue[0].Reference}: {order2.Total} refunded[/], Bolt on time {Rate(await market.GetCompanyAsync("bolt", cancellationToken))}{reordered}");

        await market.BookServiceAsync(machineKey, "S-1", engineer.Address, cancellationToken: cancellationToken);
        await market.RecordMaintenanceAsync(engineer, new MaintenanceRecord(Mill, "S-1", "Re-lubricated the spindle", [new InstalledMaterial(Oil, 2)]), cancellationToken);
        IReadOnlyList<MaintenanceEntry> book = await market.GetMaintenanceBookAsync(admin, Mill, cancellationToken);
        Row("ACME Engineer", "scans the machine, installs 2 units of oil, records the service", $"[green]entry {book[^1].Sequence}, hash {book[^1].Hash.ToString()[..12]}…[/], oil stock {(await market.GetMachineAsync(Mill, cancellationToken))!.Slot(Oil)!.Stock}");

        Row("Used-machine buyer", "reads the maintenance book", await ReadAsync(market, usedBuyer, cancellationToken));
        await market.GrantBookAccessAsync(admin, Mill, usedBuyer.Address, cancellationToken);
        Row("ACME Admin → buyer", "grants the buyer reads of the book", await ReadAsync(market, usedBuyer, cancellationToken));
        await market.RevokeBookAccessAsync(admin, Mill, usedBuyer.Address, cancellationToken);
        Row("ACME Admin → buyer", "revokes the grant", await ReadAsync(market, usedBuyer, cancellationToken));
        console.Write(steps);

        var balances = new Table().Title("Tokens and ratings").AddColumns("Account", "Tokens", "On-time rate");
        balances.AddRow(Mill, (await market.BalanceOfAsync(machineKey.Address, cancellationToken)).ToString(), "");
        balances.AddRow("Cogs Supplier", (await market.BalanceOfAsync(cogs.Address, cancellationToken)).ToString(), Rate(await market.GetCompanyAsync("cogs", cancellationToken)));
        balances.AddRow("Bolt Supplier", (await market.BalanceOfAsync(bolt.Address, cancellationToken)).ToString(), Rate(await market.GetCompanyAsync("bolt", cancellationToken)));
        EscrowHoldingsRow(balances, await market.GetEscrowHoldingsAsync(cancellationToken));
        balances.AddRow("Ledger checked", await ledger.CheckAsync(cancellationToken), "");
        console.Write(balances);
    }

    private static void EscrowHoldingsRow(Table table, Chaincode.EscrowHoldings escrow) =>
        table.AddRow("Escrow", $"{escrow.Held} ({escrow.OpenCount} open)", escrow.Balanced ? "[green]balanced[/]" : "[red]UNBALANCED[/]");

    private static async Task<string> ReadAsync(IProcurementContract market, ISigner reader, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<MaintenanceEntry> book = await market.GetMaintenanceBookAsync(reader, Mill, cancellationToken);
            return MaintenanceBookHash.FirstBrokenEntry(book) is null ? $"[green]reads {book.Count} entry, hash chain intact[/]" : "[red]BROKEN BOOK[/]";
        }
        catch (ChaincodeException e)
        {
            return $"[red]refused ({e.Code})[/]";
        }
    }

    private static string Supplier(PurchaseOrder order) => order.SupplierCompany == "cogs" ? "Cogs" : "Bolt";

    private static string Rate(Company? company) => company?.Evaluation.OnTimeRate is { } rate ? $"{rate / 100.0:0.#} %" : "no history";

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("procurement demo " + name)).ToArray()));
}
