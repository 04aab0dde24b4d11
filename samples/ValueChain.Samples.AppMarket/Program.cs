// The IIoT app marketplace in one page: a developer publishes a pay-per-use app into the warehouse, a technician
// installs it on a device, the IoT manager verifies and delivers it, the device reports usage and the developer is paid.
// Run: dotnet run --project samples/ValueChain.Samples.AppMarket            (the embedded ledger and an in-memory warehouse)
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ValueChain.AppMarket;
using ValueChain.Content;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;

// Settings from the command line or VALUECHAIN_* environment variables: each participant's key (fresh ones when none is given).
IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables("VALUECHAIN_").AddCommandLine(args).Build();
EthereumSigner Key(string name) => new(settings[$"Keys:{name}"] is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate());
EthereumSigner bazaar = Key("Operator"), developer = Key("Developer"), company = Key("Company"), technician = Key("Technician"), device = Key("Device");
Console.WriteLine("Ledger: embedded");

var services = new ServiceCollection();
services.AddValueChain(vc => vc
    .UseInMemoryLedger(o => o.Membership = MembershipMode.Open) // the marketplace keeps its own members
    .UseContentStore()                                           // the warehouse: in memory when no directory is given
    .AddAppMarket(o => o.GenesisMembers.Add(new AppMarketMember(bazaar.Address, "Bazaar", AppMarketRole.Operator, IsAdmin: true))));
await using ServiceProvider provider = services.BuildServiceProvider();
IAppMarketContract market = provider.GetRequiredService<IAppMarketContract>();
AppMarketClientFactory clients = provider.GetRequiredService<AppMarketClientFactory>();
var warehouse = new AppWarehouse(provider.GetRequiredService<IContentStore>());
AppMarketClient Developer = clients.Create(developer), Company = clients.Create(company);

// The operator lets a developer and a company in and funds the company, which approves the marketplace, authorises
// its technician (the IoT manager signs as it here) and registers its device with the device's key.
await market.InviteAsync(bazaar, developer.Address, "Edge Apps Ltd", AppMarketRole.Developer);
await market.InviteAsync(bazaar, company.Address, "Stamping Plant", AppMarketRole.Company);
await market.MintAsync(bazaar, company.Address, 1_000);
await Company.ApprovePlatformAsync(1_000);
await Company.AuthorizeTechnicianAsync(technician.Address, "Tess");
await Company.RegisterDeviceAsync("press-1", "plc-x86", device.Address);

// The developer uploads the binary (the record pins its CID, length and SHA-256) and publishes it at 3 tokens per use.
AppRecord app = await Developer.PublishAsync(warehouse, new MemoryStream(Encoding.UTF8.GetBytes("edge app 1.0.0")), "vibration-monitor", "Vibration monitor",
    AppVersion.Parse("1.0.0"), AppPricing.PayPerUse(3), ["plc-x86"]);
Console.WriteLine($"Published {app.AppId} {app.Version}: {app.Binary.Length} bytes, CID {app.Binary.Cid}");

// The device agent installs into a directory it owns; the manager verifies the binary, delivers it and records the report.
using var agent = new DeviceAgent("press-1", device, market.ReportDomain, Directory.CreateTempSubdirectory("press-1-").FullName);
var iot = new IotManager(market, warehouse, technician, new InProcessDeviceChannel([agent]));
DeliveryOutcome installed = await iot.InstallAsync("press-1", app.AppId);
Console.WriteLine($"Install on press-1: {installed.Outcome}; the agent runs {agent.Running(app.AppId)}");

// The device signs its cumulative usage; a settlement pays the developer; the same report again pays nothing.
SignedUsageReport usage = await agent.ReportUsageAsync(app.AppId, 40);
AppMarketReceipt paid = await market.SettleUsageAsync(technician, [usage]);
AppMarketReceipt replayed = await market.SettleUsageAsync(technician, [usage]);
Console.WriteLine($"Usage of 40 paid: {paid.Settlements[0].Paid}; the replay: {replayed.Settlements[0].Rejection}");
Console.WriteLine($"Developer's balance: {await Developer.BalanceAsync()}");
