using ValueChain.Conformance;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The embedded ledger as a chaincode host: a new ledger per scenario, on a manual clock, open to any key.</summary>
internal sealed class EmbeddedChaincodeHost : IChaincodeHost
{
    public Task<HostedChaincode> StartAsync(IChaincode chaincode)
    {
        // The applications keep their own participant registries; the ledger lets any key submit.
        InMemoryLedger ledger = InMemoryLedger.Open(TestLedgers.Options(o => o.Membership = MembershipMode.Open), [chaincode]);
        return Task.FromResult(new HostedChaincode(ledger, ledger, ledger));
    }

    public void Require()
    {
        // Always here: the embedded ledger needs nothing but this process.
    }
}
