using System.Text;
using ValueChain.Cryptography;
using ValueChain.Flexibility;

namespace ValueChain.Conformance.Flexibility;

/// <summary>The market's cast with fixed keys: the TSO (genesis verifier), a DSO, two fleet operators and an outsider.</summary>
public static class FlexibilityActors
{
    /// <summary>The TSO, the genesis verifier.</summary>
    public static EthereumSigner Tso { get; } = Key("tso");

    /// <summary>A DSO.</summary>
    public static EthereumSigner Dso { get; } = Key("dso");

    /// <summary>A fleet operator.</summary>
    public static EthereumSigner FleetOperator { get; } = Key("fo");

    /// <summary>Another fleet operator.</summary>
    public static EthereumSigner OtherFleetOperator { get; } = Key("fo2");

    /// <summary>A key that is not whitelisted.</summary>
    public static EthereumSigner Stranger { get; } = Key("stranger");

    /// <summary>All keys that sign in the suite (for ledgers that need members listed or enrolled).</summary>
    public static IReadOnlyList<EthereumSigner> All { get; } = [Tso, Dso, FleetOperator, OtherFleetOperator, Stranger];

    /// <summary>Market options with the TSO as genesis verifier.</summary>
    public static FlexibilityOptions Options()
    {
        var options = new FlexibilityOptions();
        options.Verifiers.Add(new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO"));
        return options;
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("flex " + name)).ToArray()));
}
