using System.Text;
using ValueChain.AppMarket;
using ValueChain.Cryptography;

namespace ValueChain.Conformance.AppMarket;

/// <summary>The marketplace's cast with fixed keys: the operator, two developers, two companies with a technician each, three devices and an outsider.</summary>
public static class AppMarketActors
{
    /// <summary>The operator, the genesis admin (mints tokens, invites).</summary>
    public static EthereumSigner Operator { get; } = Key("operator");

    /// <summary>A developer.</summary>
    public static EthereumSigner Developer { get; } = Key("developer");

    /// <summary>Another developer.</summary>
    public static EthereumSigner OtherDeveloper { get; } = Key("developer2");

    /// <summary>A company that owns devices.</summary>
    public static EthereumSigner Company { get; } = Key("company");

    /// <summary>Another company.</summary>
    public static EthereumSigner OtherCompany { get; } = Key("company2");

    /// <summary><see cref="Company"/>'s technician.</summary>
    public static EthereumSigner CompanyTechnician { get; } = Key("technician");

    /// <summary><see cref="OtherCompany"/>'s technician.</summary>
    public static EthereumSigner OtherCompanyTechnician { get; } = Key("technician2");

    /// <summary>A key that is nothing on the marketplace (relays reports, which anyone may).</summary>
    public static EthereumSigner Stranger { get; } = Key("stranger");

    /// <summary>The keys of three devices of <see cref="Company"/>.</summary>
    public static IReadOnlyList<EthereumSigner> DeviceKeys { get; } = [Key("device-1"), Key("device-2"), Key("device-3")];

    /// <summary>The ids of the three devices.</summary>
    public static IReadOnlyList<string> DeviceIds { get; } = ["edge-1", "edge-2", "edge-3"];

    /// <summary>The type of the devices.</summary>
    public const string DeviceType = "plc-x86";

    /// <summary>All keys that sign transactions in the suite (for ledgers that need members listed or enrolled).</summary>
    public static IReadOnlyList<EthereumSigner> All { get; } = [Operator, Developer, OtherDeveloper, Company, OtherCompany, CompanyTechnician, OtherCompanyTechnician, Stranger];

    /// <summary>Marketplace options with the operator as genesis admin.</summary>
    public static AppMarketOptions Options()
    {
        var options = new AppMarketOptions();
        options.GenesisMembers.Add(new AppMarketMember(Operator.Address, "Bazaar operator", AppMarketRole.Operator, IsAdmin: true));
        return options;
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("appmarket " + name)).ToArray()));
}
