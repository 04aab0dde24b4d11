using System.Text;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;

namespace ValueChain.V2V.Tests;

/// <summary>An obstacle map on a fresh embedded ledger with a manual clock, the issuer, an authority and two certified trips.</summary>
internal sealed class EmbeddedMap : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private EmbeddedMap(InMemoryLedger ledger)
    {
        Ledger = ledger;
        Map = new V2VChaincodeAdapter(ledger);
    }

    public static EthereumSigner Issuer { get; } = Key("issuer");

    public static EthereumSigner Police { get; } = Key("police");

    public static EthereumSigner TripA { get; } = Key("a");

    public static EthereumSigner TripB { get; } = Key("b");

    public InMemoryLedger Ledger { get; }

    public IV2VContract Map { get; }

    public static V2VOptions Options()
    {
        var options = new V2VOptions { Issuer = Issuer.Address };
        options.Authorities.Add(Police.Address);
        return options;
    }

    public static async Task<EmbeddedMap> StartAsync()
    {
        var map = new EmbeddedMap(InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(Start) }, [new V2VChaincode(Options())]));
        foreach (EthereumSigner trip in new[] { TripA, TripB })
        {
            await map.Map.CertifyAsync(Issuer, trip.Address, Start.AddMinutes(-1), Start.AddHours(2));
        }

        return map;
    }

    public static StaticObstacleReport Report(EthereumSigner trip, long north = 0, long afterMilliseconds = 0) =>
        new(trip.Address, Start.AddMilliseconds(afterMilliseconds), new GeoPoint(48_137_000 + north, 11_575_000), 5, ObstacleKind.Debris, 90);

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("v2v tests " + name)).ToArray()));
}
