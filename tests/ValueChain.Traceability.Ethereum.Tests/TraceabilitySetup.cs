using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

// Inside the namespace, so that the contract's structs (Location, Part …) win over the application's models of the same names.
using static ValueChain.Traceability.Ethereum.Contracts.Traceability;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

/// <summary>PartChain deployed on anvil with an OEM (admin), a tier-1 supplier and an LSP (no admin right), each a fresh funded account.</summary>
internal static class TraceabilitySetup
{
    public static async Task<(OnChain AsOem, OnChain AsSupplier, OnChain AsLsp)> DeployAsync(AnvilNode anvil, HttpClient http, uint approvals = 1, bool supplierIsAdmin = false)
    {
        EthereumClient oem = await AnvilClients.FundedClientAsync(anvil, http);
        EthereumClient supplier = await AnvilClients.FundedClientAsync(anvil, http);
        EthereumClient lsp = await AnvilClients.FundedClientAsync(anvil, http);
        OnChain asOem = await OnChain.DeployAsync(
            oem,
            AnvilClients.Bytecode("Traceability"),
            [
                new Participant(oem.Account!.Value, "OEM Stuttgart", 1, true, 0, 0),
                new Participant(supplier.Account!.Value, "Tier-1 Bremsen AG", 2, supplierIsAdmin, 0, 0),
                new Participant(lsp.Account!.Value, "Spedition Rhein", 3, false, 0, 0),
            ],
            approvals,
            86_400,
            TestContext.Current.CancellationToken);
        return (asOem, new OnChain(supplier, asOem.Address), new OnChain(lsp, asOem.Address));
    }
}
