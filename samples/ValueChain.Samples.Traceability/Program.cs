// PartChain in one page: an OEM, a tier-1 and a tier-2 supplier and a logistics provider share part
// twins; a counterfeit is rejected at pick-up; a recall finds the vehicle.
// Run: dotnet run --project samples/ValueChain.Samples.Traceability                   (the embedded ledger)
//      dotnet run --project samples/ValueChain.Samples.Traceability -- --Ethereum:RpcUrl=http://127.0.0.1:8545
//          --Ethereum:ChainId=31337 --Keys:Oem=0x… --Keys:Tier1=0x… --Keys:Tier2=0x… --Keys:Lsp=0x…   (an Ethereum node)
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ValueChain;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Traceability;

// Settings from the command line or VALUECHAIN_* environment variables: each participant's key (fresh ones when
// none is given) and, with an Ethereum section, the node the same program runs on (each key pays its own gas there).
IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables("VALUECHAIN_").AddCommandLine(args).Build();
EthereumSigner Key(string name) => new(settings[$"Keys:{name}"] is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate());
EthereumSigner oem = Key("Oem"), tier1 = Key("Tier1"), tier2 = Key("Tier2"), lsp = Key("Lsp");
Location plant = new(GeoPoint.FromDegrees(48.137154, 11.576124), "Munich");

// PartChain's genesis participants: the settings with no default. AddTraceability(configuration.GetSection("Traceability"))
// binds the same options from appsettings.json.
void Genesis(TraceabilityOptions o)
{
    o.GenesisParticipants.Add(new Participant(oem.Address, "OEM", ParticipantRole.Oem, IsAdmin: true));
    o.GenesisParticipants.Add(new Participant(tier1.Address, "Tier-1", ParticipantRole.Supplier));
    o.GenesisParticipants.Add(new Participant(tier2.Address, "Tier-2", ParticipantRole.Supplier));
    o.GenesisParticipants.Add(new Participant(lsp.Address, "Logistics", ParticipantRole.Lsp));
}

// Compose the SDK: the same application on whichever ledger the settings name.
bool onEthereum = settings.GetSection("Ethereum").Exists();
Console.WriteLine(onEthereum ? $"Ledger: Ethereum at {settings["Ethereum:RpcUrl"]}" : "Ledger: embedded");
string manifest = Path.Combine(Path.GetTempPath(), $"traceability-{Guid.NewGuid():N}.json");
var services = new ServiceCollection();
services.AddValueChain(vc =>
{
    if (onEthereum)
    {
        vc.UseEthereum(o => { settings.GetSection("Ethereum").Bind(o); o.Signer = oem; })
            .AddTraceability(Genesis)
            .AddTraceabilityOnEthereum(o => o.ManifestPath = manifest); // deploys on first use, binds afterwards
    }
    else
    {
        vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open) // PartChain keeps its own participant registry
            .AddTraceability(Genesis);
    }
});
await using ServiceProvider provider = services.BuildServiceProvider();

// Each participant acts through a client bound to its own signer.
TraceabilityClientFactory clients = provider.GetRequiredService<TraceabilityClientFactory>();
TraceabilityClient Oem = clients.Create(oem), Tier1 = clients.Create(tier1), Tier2 = clients.Create(tier2), Lsp = clients.Create(lsp);
ITraceabilityContract chain = provider.GetRequiredService<ITraceabilityContract>();
DateTimeOffset due = DateTimeOffset.UtcNow.AddDays(7);

// Tier-2 makes a sensor and sells it to tier-1, who builds it into a brake module.
await Tier2.RegisterPartsAsync([new("SENSOR-1", "PN-SENSOR", "B-42")], plant);
await Tier1.PlaceOrderAsync("PO-1", tier2.Address, "PN-SENSOR", 1, due);
await Tier2.CreateDeliveryAsync("DL-1", "PO-1", lsp.Address, ["SENSOR-1"]);
await Lsp.PickUpAsync("DL-1", ["SENSOR-1"], plant);
await Tier1.AcceptDeliveryAsync("DL-1", ["SENSOR-1"], plant);
await Tier1.RegisterPartsAsync([new("BRAKE-1", "PN-BRAKE", "B-7", PartKind.Assembly)], plant);
await Tier1.AssembleAsync("BRAKE-1", ["SENSOR-1"], plant);

// Tier-1 ships the module to the OEM; at pick-up the LSP also scans a counterfeit.
await Oem.PlaceOrderAsync("PO-2", tier1.Address, "PN-BRAKE", 1, due);
await Tier1.CreateDeliveryAsync("DL-2", "PO-2", lsp.Address, ["BRAKE-1"]);
TraceabilityReceipt pickUp = await Lsp.PickUpAsync("DL-2", ["BRAKE-1", "FAKE-1"], plant);
Console.WriteLine($"Pick-up rejected: {string.Join(", ", pickUp.Rejection!.Parts.Select(p => $"{p.PartId} ({p.Reason})"))}");
await Lsp.PickUpAsync("DL-2", ["BRAKE-1"], plant);
await Oem.AcceptDeliveryAsync("DL-2", ["BRAKE-1"], plant);

// The OEM builds the vehicle (an assembly whose id is its VIN).
await Oem.RegisterPartsAsync([new("WVWZZZ1JZXW000001", "PN-VEHICLE", "B-W47", PartKind.Assembly)], plant);
await Oem.AssembleAsync("WVWZZZ1JZXW000001", ["BRAKE-1"], plant);

// Tier-2 recalls batch B-42: the OEM's ERP read model (SQLite) finds the vehicle, the ledger confirms it.
string database = Path.Combine(Path.GetTempPath(), $"partchain-{Guid.NewGuid():N}.db");
Func<System.Data.Common.DbConnection> readModel = () => new SqliteConnection($"Data Source={database};Pooling=False");
await Tier2.RecallBatchAsync("B-42");
var projection = new TraceabilityProjection(chain, readModel, oem);
await projection.EnsureSchemaAsync();
await projection.CatchUpAsync();
var recall = new TraceabilityRecall(readModel, chain);
RecallResult affected = await recall.FindByBatchAsync("B-42");
RecallVerification check = await recall.VerifyBatchAsync("B-42", affected);
Console.WriteLine($"Recall of B-42 affects parts {string.Join(", ", affected.Parts)}, assemblies {string.Join(", ", affected.Assemblies)}, vehicles {string.Join(", ", affected.Vehicles)}");
Console.WriteLine($"Confirmed by the ledger: {check.Matches}");
File.Delete(database);
File.Delete(manifest);
