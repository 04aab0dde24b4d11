using System.Globalization;
using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.Procurement;

/// <summary>The simulation's participants, with keys derived from the seed, and the marketplace options that make them genesis users.</summary>
internal sealed class Cast
{
    public Cast(ProcurementScenario scenario)
    {
        Scenario = scenario;
        Operator = Key("operator");
        Buyers = [.. Enumerable.Range(0, scenario.Companies).Select(c => Key($"{CompanyId(c)} buyer"))];
        Engineers = [.. Enumerable.Range(0, scenario.Companies).Select(c => Key($"{CompanyId(c)} engineer"))];
        Suppliers = [.. Enumerable.Range(0, scenario.Companies).Select(c => Key($"{CompanyId(c)} supplier"))];
        Machines = [.. Enumerable.Range(0, scenario.Machines).Select(m => Key(MachineId(m)))];
        SupplierCompanies = [.. Enumerable.Range(0, Math.Min(scenario.Companies, scenario.Quotations)).Select(CompanyId)];
        Options = new ProcurementOptions { CancellationGrace = TimeSpan.FromDays(1) };
        Options.GenesisCompanies.Add(new GenesisCompany("operator", "Marketplace Operator"));
        Options.GenesisUsers.Add(new ProcurementUser(Operator.Address, "Operator", ProcurementRole.MarketplaceAdmin, "operator", true));
        for (int c = 0; c < scenario.Companies; c++)
        {
            Options.GenesisCompanies.Add(new GenesisCompany(CompanyId(c), $"Company {c + 1}"));
            Options.GenesisUsers.Add(new ProcurementUser(Buyers[c].Address, $"Buyer {c + 1}", ProcurementRole.Buyer, CompanyId(c)));
            Options.GenesisUsers.Add(new ProcurementUser(Engineers[c].Address, $"Engineer {c + 1}", ProcurementRole.ServiceEngineer, CompanyId(c)));
            Options.GenesisUsers.Add(new ProcurementUser(Suppliers[c].Address, $"Supplier {c + 1}", ProcurementRole.Supplier, CompanyId(c)));
        }
    }

    public ProcurementScenario Scenario { get; }

    public ProcurementOptions Options { get; }

    public EthereumSigner Operator { get; }

    public IReadOnlyList<EthereumSigner> Buyers { get; }

    public IReadOnlyList<EthereumSigner> Engineers { get; }

    public IReadOnlyList<EthereumSigner> Suppliers { get; }

    public IReadOnlyList<EthereumSigner> Machines { get; }

    public IReadOnlyList<string> SupplierCompanies { get; }

    /// <summary>Every key, for ledgers that need them funded or listed.</summary>
    public IReadOnlyList<ISigner> Signers => [Operator, .. Buyers, .. Engineers, .. Suppliers, .. Machines];

    public static string CompanyId(int index) => "c" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);

    public static int CompanyIndex(string companyId) => int.Parse(companyId.AsSpan(1), CultureInfo.InvariantCulture) - 1;

    public static string MachineId(int index) => "M-" + (index + 1).ToString("D3", CultureInfo.InvariantCulture);

    private EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes($"procurement simulation {Scenario.Seed} {name}")).ToArray()));
}
