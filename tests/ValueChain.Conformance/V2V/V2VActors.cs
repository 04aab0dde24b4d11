using System.Text;
using ValueChain.Cryptography;
using ValueChain.V2V;

namespace ValueChain.Conformance.V2V;

/// <summary>The obstacle map's cast with fixed keys: the enrolment issuer, an authority, a relay, four trip addresses of three vehicles and an outsider.</summary>
public static class V2VActors
{
    /// <summary>The enrolment issuer chosen at deployment.</summary>
    public static EthereumSigner Issuer { get; } = Key("issuer");

    /// <summary>An authority (the police).</summary>
    public static EthereumSigner Police { get; } = Key("police");

    /// <summary>A roadside relay that submits batches of signed reports.</summary>
    public static EthereumSigner Relay { get; } = Key("relay");

    /// <summary>Vehicle A's trip address.</summary>
    public static EthereumSigner TripA { get; } = Key("trip a");

    /// <summary>Vehicle B's trip address.</summary>
    public static EthereumSigner TripB { get; } = Key("trip b");

    /// <summary>Vehicle C's trip address.</summary>
    public static EthereumSigner TripC { get; } = Key("trip c");

    /// <summary>Vehicle D's trip address.</summary>
    public static EthereumSigner TripD { get; } = Key("trip d");

    /// <summary>A key that holds no certificate and no role.</summary>
    public static EthereumSigner Stranger { get; } = Key("stranger");

    /// <summary>All keys that sign in the suite (for ledgers that need members listed or enrolled).</summary>
    public static IReadOnlyList<EthereumSigner> All { get; } = [Issuer, Police, Relay, TripA, TripB, TripC, TripD, Stranger];

    /// <summary>Options with <see cref="Issuer"/> and <see cref="Police"/>, and the defaults otherwise.</summary>
    public static V2VOptions Options()
    {
        var options = new V2VOptions { Issuer = Issuer.Address };
        options.Authorities.Add(Police.Address);
        return options;
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("v2v " + name)).ToArray()));
}
