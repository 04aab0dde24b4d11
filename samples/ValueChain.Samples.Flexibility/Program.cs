// The EV flexibility market in one page: a fleet operator sells 20 kWh of flexibility to the TSO,
// gets paid only against smart-meter-signed energy transfer records, and a replayed record pays nothing.
// Run: dotnet run --project samples/ValueChain.Samples.Flexibility                   (the embedded ledger)
//      dotnet run --project samples/ValueChain.Samples.Flexibility -- --Ethereum:RpcUrl=http://127.0.0.1:8545
//          --Ethereum:ChainId=31337 --Keys:Tso=0x… --Keys:FleetOperator=0x…   (an Ethereum development node)
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ValueChain;
using ValueChain.Cryptography;
using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

// Settings from the command line or VALUECHAIN_* environment variables: each trader's key (fresh ones when none is
// given) and, with an Ethereum section, the node the same program runs on (each key pays its own gas there).
IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables("VALUECHAIN_").AddCommandLine(args).Build();
EthereumSigner Key(string name) => new(settings[$"Keys:{name}"] is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate());
EthereumSigner tso = Key("Tso"), fleetOperator = Key("FleetOperator");
using var meter = new SimulatedMeter("METER-1");
bool onEthereum = settings.GetSection("Ethereum").Exists();
Console.WriteLine(onEthereum ? $"Ledger: Ethereum at {settings["Ethereum:RpcUrl"]}" : "Ledger: embedded");

void Market(FlexibilityOptions o) => o.Verifiers.Add(new MarketParticipant(tso.Address, MarketRole.Verifier, "TSO")); // the one setting with no default
string manifest = Path.Combine(Path.GetTempPath(), $"flexibility-{Guid.NewGuid():N}.json");
var services = new ServiceCollection();
services.AddValueChain(vc =>
{
    if (onEthereum)
    {
        vc.UseEthereum(o => { settings.GetSection("Ethereum").Bind(o); o.Signer = tso; })
            .AddFlexibility(Market)
            .AddFlexibilityOnEthereum(o => o.ManifestPath = manifest); // deploys on first use, binds afterwards
    }
    else
    {
        var clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)); // the start of a round
        vc.UseInMemoryLedger(o => { o.Membership = MembershipMode.Open; o.Clock = clock; }) // the market keeps its own whitelist
            .AddFlexibility(Market);
    }
});
await using ServiceProvider provider = services.BuildServiceProvider();
IFlexibilityContract market = provider.GetRequiredService<IFlexibilityContract>();
ILedgerTimeControl time = provider.GetRequiredService<ILedgerTimeControl>();
FlexibilityClientFactory clients = provider.GetRequiredService<FlexibilityClientFactory>();
FlexibilityClient Tso = clients.Create(tso), Fleet = clients.Create(fleetOperator); // each bound to its own signer

// The TSO whitelists the fleet operator and its meter, and funds both traders; both approve the platform once.
await market.AddParticipantAsync(tso, fleetOperator.Address, MarketRole.FleetOperator, "Fleet operator");
await market.AddMeterAsync(tso, meter.Address);
await market.MintAsync(tso, tso.Address, 10_000);
await market.MintAsync(tso, fleetOperator.Address, 1_000);
await Tso.ApprovePlatformAsync();
await Fleet.ApprovePlatformAsync();

// Offering, bidding and contract creation: three 5-minute stages of one 15-minute round, from the next round's start.
DateTimeOffset now = await time.GetTimeAsync();
TimeSpan round = 3 * MarketClock.Default.StageLength;
await time.AdvanceAsync(TimeSpan.FromTicks((round.Ticks - (now - MarketClock.Default.Epoch).Ticks % round.Ticks) % round.Ticks));
DateOnly tomorrow = DateOnly.FromDateTime((await time.GetTimeAsync()).UtcDateTime).AddDays(1);
Hash32 park = OfferTerms.LocationHash("charging-park-7");
long offerId = (await Fleet.OfferAsync(new OfferRequest(tomorrow, 72, 4, park, FlexibilityDirection.Negative, 20_000, 800, 200))).OfferId!.Value;
await time.AdvanceAsync(TimeSpan.FromMinutes(5));
await Tso.BidAsync(offerId, 1_000);
await time.AdvanceAsync(TimeSpan.FromMinutes(5));
await Fleet.CreateContractAsync(offerId);
PaymentContract contract = (await market.GetPaymentContractAsync(offerId))!;
Console.WriteLine($"Contract for offer {offerId}: {contract.Payment} payment and {contract.Penalty} penalty in escrow");

// Tomorrow the meter signs what it measured; the payment contract checks it exactly as the SDK does offline.
var record = new EnergyTransferRecord(fleetOperator.Address, tomorrow, 72, park, FlexibilityDirection.Negative, 15_000, Nonce: 1,
    new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero));
RecoverableSignature signature = meter.Sign(record, 31337, contract.Escrow);
FlexibilityReceipt paid = await Fleet.RequestPaymentAsync(offerId, record, signature);
FlexibilityReceipt replayed = await Fleet.RequestPaymentAsync(offerId, record, signature);
Console.WriteLine($"Paid for 15 kWh: {(await market.GetPaymentContractAsync(offerId))!.Paid} (rejection: {paid.Rejection?.Reason.ToString() ?? "none"})");
Console.WriteLine($"Replayed record: {replayed.Rejection?.Reason}");
Console.WriteLine($"Fleet operator's balance: {await Fleet.BalanceAsync()}");
File.Delete(manifest);
