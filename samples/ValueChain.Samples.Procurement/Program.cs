// The machine marketplace in one page: a machine's agent orders bolts from the best approved quotation with its
// payment in escrow, confirms the arrival (which pays and rates the supplier), and an engineer records the
// installation in the machine's hash-linked maintenance book.
// Run: dotnet run --project samples/ValueChain.Samples.Procurement        (the embedded ledger)
//      dotnet run --project samples/ValueChain.Samples.Procurement -- --Ethereum:RpcUrl=http://127.0.0.1:8545
//          --Ethereum:ChainId=31337 --Keys:Operator=0x… --Keys:Buyer=0x… --Keys:Engineer=0x… --Keys:Supplier=0x… --Keys:Machine=0x…
//          (an Ethereum development node; each key pays its own gas there)
//      keys from settings (or VALUECHAIN_Keys__Machine=0x…); fresh ones otherwise.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Procurement;

IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables("VALUECHAIN_").AddCommandLine(args).Build();
EthereumSigner Key(string name) => new(settings[$"Keys:{name}"] is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate());
EthereumSigner op = Key("Operator"), buyer = Key("Buyer"), engineer = Key("Engineer"), supplier = Key("Supplier"), machineKey = Key("Machine");
bool onEthereum = settings.GetSection("Ethereum").Exists();
Console.WriteLine(onEthereum ? $"Ledger: Ethereum at {settings["Ethereum:RpcUrl"]}" : "Ledger: embedded");

void Marketplace(ProcurementOptions o)
{
    // The settings with no default: the companies and users the marketplace starts with.
    o.GenesisCompanies.Add(new GenesisCompany("operator", "Marketplace Operator"));
    o.GenesisCompanies.Add(new GenesisCompany("acme", "ACME Machining"));
    o.GenesisCompanies.Add(new GenesisCompany("bolt", "Bolt & Nut Supply"));
    o.GenesisUsers.Add(new ProcurementUser(op.Address, "Operator", ProcurementRole.MarketplaceAdmin, "operator", IsAdmin: true));
    o.GenesisUsers.Add(new ProcurementUser(buyer.Address, "ACME Buyer", ProcurementRole.Buyer, "acme"));
    o.GenesisUsers.Add(new ProcurementUser(engineer.Address, "ACME Engineer", ProcurementRole.ServiceEngineer, "acme"));
    o.GenesisUsers.Add(new ProcurementUser(supplier.Address, "Bolt Supplier", ProcurementRole.Supplier, "bolt"));
}

string manifest = Path.Combine(Path.GetTempPath(), $"procurement-{Guid.NewGuid():N}.json");
var services = new ServiceCollection();
services.AddValueChain(vc =>
{
    if (onEthereum)
    {
        vc.UseEthereum(o => { settings.GetSection("Ethereum").Bind(o); o.Signer = op; }) // the operator deploys
            .AddProcurement(Marketplace)
            .AddProcurementOnEthereum(o => o.ManifestPath = manifest); // deploys on first use, binds afterwards
    }
    else
    {
        vc.UseInMemoryLedger(o => { o.Membership = MembershipMode.Open; o.Clock = new ManualLedgerClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)); }) // the marketplace keeps its own users
            .AddProcurement(Marketplace);
    }
});
await using ServiceProvider provider = services.BuildServiceProvider();
IProcurementContract market = provider.GetRequiredService<IProcurementContract>();
ILedgerTimeControl time = provider.GetRequiredService<ILedgerTimeControl>();
ProcurementClientFactory clients = provider.GetRequiredService<ProcurementClientFactory>();
ProcurementClient Engineer = clients.Create(engineer), Supplier = clients.Create(supplier), Buyer = clients.Create(buyer), Machine = clients.Create(machineKey);
DateTimeOffset now = await time.GetTimeAsync();

// The engineer registers the machine; the operator funds it; the machine lets the escrow take its order payments.
await Engineer.RegisterMachineAsync(new MachineRegistration("MILL-1", machineKey.Address, [new MaterialSlot("BOLT-M8", 4, 5, 50)], TimeSpan.FromDays(90)));
await market.MintAsync(op, machineKey.Address, 1_000);
await Machine.ApproveEscrowAsync();

// The supplier publishes a binding quotation; ACME's buyer approves it for ACME's machines.
long quotation = (await Supplier.CreateQuotationAsync(new QuotationTerms("BOLT-M8", 10, now, now.AddDays(30), TimeSpan.FromDays(2)))).QuotationId!.Value;
await Buyer.ApproveQuotationAsync(quotation);

// The machine's agent sees 4 bolts, at or below the reorder threshold of 5, and orders from the best quotation.
var agent = new MachineAgent(market, machineKey);
MachineAgentAction ordered = (await agent.RunOnceAsync(now))[0];
Console.WriteLine($"Ordered: {ordered.Reference} from quotation {ordered.QuotationId}; in escrow {(await market.GetEscrowHoldingsAsync()).Held}");

// The package arrives a day later; scanning its order id pays the supplier and rates it on time.
await time.AdvanceAsync(TimeSpan.FromDays(1));
await agent.ScanArrivalAsync(ordered.Reference!);
Console.WriteLine($"Supplier paid: {await Supplier.GetBalanceAsync()}; on-time rate {(await market.GetCompanyAsync("bolt"))!.Evaluation.OnTimeRate} bp");

// The engineer installs 6 bolts and records it; the book's hash chain checks out.
await Engineer.RecordMaintenanceAsync(new MaintenanceRecord("MILL-1", null, "Replaced the clamp bolts", [new InstalledMaterial("BOLT-M8", 6)]));
IReadOnlyList<MaintenanceEntry> book = await Machine.GetMaintenanceBookAsync("MILL-1");
Console.WriteLine($"Maintenance book: {book.Count} entry, intact: {MaintenanceBookHash.FirstBrokenEntry(book) is null}; bolts in stock {(await market.GetMachineAsync("MILL-1"))!.Slot("BOLT-M8")!.Stock}");
