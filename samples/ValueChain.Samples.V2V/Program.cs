// Vehicle-to-vehicle obstacle sharing in one page: two cars of different makes report the same debris, the ledger's
// matching maps one obstacle with one confirmation, and the police read the verified reports around it.
// Run: dotnet run --project samples/ValueChain.Samples.V2V                   (the embedded ledger)
//      dotnet run --project samples/ValueChain.Samples.V2V -- --Ethereum:RpcUrl=http://127.0.0.1:8545
//          --Ethereum:ChainId=31337 --Keys:Issuer=0x… --Keys:Police=0x… --Keys:TripA=0x… --Keys:TripB=0x…   (an Ethereum development node)
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ValueChain;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.V2V;

// Settings from the command line or VALUECHAIN_* environment variables: each actor's key (fresh ones when none is
// given) and, with an Ethereum section, the node the same program runs on (each key pays its own gas there).
IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables("VALUECHAIN_").AddCommandLine(args).Build();
EthereumSigner Key(string name) => new(settings[$"Keys:{name}"] is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate());
EthereumSigner issuer = Key("Issuer"), police = Key("Police"), tripA = Key("TripA"), tripB = Key("TripB");
bool onEthereum = settings.GetSection("Ethereum").Exists();
Console.WriteLine(onEthereum ? $"Ledger: Ethereum at {settings["Ethereum:RpcUrl"]}" : "Ledger: embedded");

void Map(V2VOptions o)
{
    o.Issuer = issuer.Address; // the enrolment issuer and the authorities have no defaults
    o.Authorities.Add(police.Address);
}

string manifest = Path.Combine(Path.GetTempPath(), $"v2v-{Guid.NewGuid():N}.json");
var services = new ServiceCollection();
services.AddValueChain(vc =>
{
    vc.UseContentStore(); // reports are raw blocks in the content store (in memory here)
    if (onEthereum)
    {
        vc.UseEthereum(o => { settings.GetSection("Ethereum").Bind(o); o.Signer = issuer; })
            .AddV2V(Map)
            .AddV2VOnEthereum(o => o.ManifestPath = manifest); // deploys on first use, binds afterwards
    }
    else
    {
        vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).AddV2V(Map); // the map keeps its own certificates
    }
});
await using ServiceProvider provider = services.BuildServiceProvider();
IV2VContract map = provider.GetRequiredService<IV2VContract>();
V2VClientFactory clients = provider.GetRequiredService<V2VClientFactory>();
DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds((await provider.GetRequiredService<ILedgerTimeControl>().GetTimeAsync()).ToUnixTimeSeconds());

// The issuer certifies one trip address per car for two hours; the ledger never learns which car holds which.
await map.CertifyAsync(issuer, tripA.Address, now.AddMinutes(-1), now.AddHours(2));
await map.CertifyAsync(issuer, tripB.Address, now.AddMinutes(-1), now.AddHours(2));
V2VClient carA = clients.Create(tripA), carB = clients.Create(tripB);

// Both cars see debris; their reports differ by 3 m and a second. The ledger decides the match.
var debris = new GeoPoint(48_137_000, 11_575_000);
AnchorOutcome first = (await carA.ReportAsync(new StaticObstacleReport(tripA.Address, now, debris, 3, ObstacleKind.Debris, 92))).Outcome;
var seenByB = new StaticObstacleReport(tripB.Address, now.AddSeconds(1), new GeoPoint(debris.LatitudeMicrodegrees + 27, debris.LongitudeMicrodegrees), 4, ObstacleKind.Debris, 88);
AnchorOutcome second = (await carB.ReportAsync(seenByB)).Outcome;
Obstacle obstacle = (await map.GetObstacleAsync(first.ObstacleId))!;
Console.WriteLine($"Obstacles mapped: {(await map.GetObstaclesNearAsync(debris)).Count} (obstacle {obstacle.Id}: {obstacle.Reports} reports, {obstacle.Confirmations} confirmation)");
Console.WriteLine($"Car B's report: {(second.Mapped ? "a new obstacle" : $"matched obstacle {second.ObstacleId}")}, verified {(await carA.Verifier.VerifyAsync(seenByB)).Status}");
Console.WriteLine($"Car A's reputation: {(await carA.ReputationAsync()).Score}");

// The police read every report around the debris, in ledger order, each checked against the content store.
IReadOnlyList<ReportVerification> incident = await clients.CreateAuthority(police).ReconstructIncidentAsync(GeoArea.Around(debris, 500), now.AddMinutes(-5), now.AddHours(1));
Console.WriteLine($"Police see {incident.Count} reports: {string.Join(", ", incident.Select(r => r.Status))}");
File.Delete(manifest);
