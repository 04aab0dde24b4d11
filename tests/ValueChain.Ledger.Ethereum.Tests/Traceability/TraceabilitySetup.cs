using ValueChain.Ledger.Ethereum.Contracts;
using ValueChain.Testing;
using static ValueChain.Ledger.Ethereum.Contracts.PartChain;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>PartChain deployed on anvil with an OEM (admin), a tier-1 supplier and an LSP (no admin right), each a fresh funded account.</summary>
internal static class TraceabilitySetup
{
    public static async Task<(PartChain AsOem, PartChain AsSupplier, PartChain AsLsp)> DeployAsync(AnvilNode anvil, HttpClient http, uint approvals = 1, bool supplierIsAdmin = false)
    {
        EthereumClient oem = await ProbeSetup.FundedClientAsync(anvil, http);
        EthereumClient supplier = await ProbeSetup.FundedClientAsync(anvil, http);
        EthereumClient lsp = await ProbeSetup.FundedClientAsync(anvil, http);
        PartChain asOem = await PartChain.DeployAsync(
            oem,
            ProbeSetup.Bytecode(nameof(PartChain)),
            [
                new Participant(oem.Account!.Value, "OEM Stuttgart", 1, true, 0, 0),
                new Participant(supplier.Account!.Value, "Tier-1 Bremsen AG", 2, supplierIsAdmin, 0, 0),
                new Participant(lsp.Account!.Value, "Spedition Rhein", 3, false, 0, 0),
            ],
            approvals,
            86_400,
            TestContext.Current.CancellationToken);
        return (asOem, new PartChain(supplier, asOem.Address), new PartChain(lsp, asOem.Address));
    }
}
