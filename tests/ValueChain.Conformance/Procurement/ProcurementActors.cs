using System.Text;
using ValueChain.Cryptography;
using ValueChain.Procurement;

namespace ValueChain.Conformance.Procurement;

/// <summary>
/// The marketplace's cast with fixed keys: the operator (marketplace admin); ACME, whose machines buy (admin, buyer,
/// service engineer, two machines); BOLT and COGS, which supply; a buyer of a used machine; and an outsider.
/// </summary>
public static class ProcurementActors
{
    /// <summary>The operator's company.</summary>
    public const string OperatorCompany = "operator";

    /// <summary>The buying company.</summary>
    public const string Acme = "acme";

    /// <summary>A supplying company.</summary>
    public const string Bolt = "bolt";

    /// <summary>Another supplying company.</summary>
    public const string Cogs = "cogs";

    /// <summary>The material the scenarios order.</summary>
    public const string Bolts = "BOLT-M8";

    /// <summary>A second material of the machines.</summary>
    public const string Oil = "OIL-5L";

    /// <summary>The marketplace admin (token issuer), a genesis admin.</summary>
    public static EthereumSigner Operator { get; } = Key("operator");

    /// <summary>ACME's company admin.</summary>
    public static EthereumSigner AcmeAdmin { get; } = Key("acme admin");

    /// <summary>ACME's buyer.</summary>
    public static EthereumSigner AcmeBuyer { get; } = Key("acme buyer");

    /// <summary>ACME's service engineer.</summary>
    public static EthereumSigner AcmeEngineer { get; } = Key("acme engineer");

    /// <summary>ACME's first machine's key.</summary>
    public static EthereumSigner Machine1 { get; } = Key("machine 1");

    /// <summary>ACME's second machine's key.</summary>
    public static EthereumSigner Machine2 { get; } = Key("machine 2");

    /// <summary>BOLT's admin.</summary>
    public static EthereumSigner BoltAdmin { get; } = Key("bolt admin");

    /// <summary>BOLT's supplier.</summary>
    public static EthereumSigner BoltSupplier { get; } = Key("bolt supplier");

    /// <summary>BOLT's service engineer.</summary>
    public static EthereumSigner BoltEngineer { get; } = Key("bolt engineer");

    /// <summary>COGS's supplier.</summary>
    public static EthereumSigner CogsSupplier { get; } = Key("cogs supplier");

    /// <summary>Someone who buys a used machine and reads its book through a grant.</summary>
    public static EthereumSigner UsedMachineBuyer { get; } = Key("used machine buyer");

    /// <summary>A key that is nobody in the marketplace (invited in some scenarios).</summary>
    public static EthereumSigner Stranger { get; } = Key("stranger");

    /// <summary>All keys that sign in the suite (for ledgers that need them funded or listed).</summary>
    public static IReadOnlyList<EthereumSigner> All { get; } =
        [Operator, AcmeAdmin, AcmeBuyer, AcmeEngineer, Machine1, Machine2, BoltAdmin, BoltSupplier, BoltEngineer, CogsSupplier, UsedMachineBuyer, Stranger];

    /// <summary>Marketplace options with the cast's companies and users, a one-day cancellation grace and a 50 % starting rate.</summary>
    public static ProcurementOptions Options(int invitationApprovals = 1)
    {
        var options = new ProcurementOptions { InvitationApprovals = invitationApprovals, CancellationGrace = TimeSpan.FromDays(1), StartingRate = 5_000 };
        options.GenesisCompanies.Add(new GenesisCompany(OperatorCompany, "Marketplace Operator"));
        options.GenesisCompanies.Add(new GenesisCompany(Acme, "ACME Machining"));
        options.GenesisCompanies.Add(new GenesisCompany(Bolt, "Bolt & Nut Supply"));
        options.GenesisCompanies.Add(new GenesisCompany(Cogs, "Cogs Ltd"));
        options.GenesisUsers.Add(new ProcurementUser(Operator.Address, "Operator", ProcurementRole.MarketplaceAdmin, OperatorCompany, true));
        options.GenesisUsers.Add(new ProcurementUser(AcmeAdmin.Address, "ACME Admin", ProcurementRole.Admin, Acme, true));
        options.GenesisUsers.Add(new ProcurementUser(AcmeBuyer.Address, "ACME Buyer", ProcurementRole.Buyer, Acme));
        options.GenesisUsers.Add(new ProcurementUser(AcmeEngineer.Address, "ACME Engineer", ProcurementRole.ServiceEngineer, Acme));
        options.GenesisUsers.Add(new ProcurementUser(BoltAdmin.Address, "BOLT Admin", ProcurementRole.Admin, Bolt, true));
        options.GenesisUsers.Add(new ProcurementUser(BoltSupplier.Address, "BOLT Supplier", ProcurementRole.Supplier, Bolt));
        options.GenesisUsers.Add(new ProcurementUser(BoltEngineer.Address, "BOLT Engineer", ProcurementRole.ServiceEngineer, Bolt));
        options.GenesisUsers.Add(new ProcurementUser(CogsSupplier.Address, "COGS Supplier", ProcurementRole.Supplier, Cogs));
        return options;
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("procurement " + name)).ToArray()));
}
