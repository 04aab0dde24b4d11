using ValueChain.Procurement;

namespace ValueChain.Conformance.Procurement;

/// <summary>The procurement suite on a driver that runs the C# chaincode: the chaincode adapter over the host's gateway.</summary>
/// <param name="host">The driver.</param>
public abstract class ProcurementOnChaincodeHost(IChaincodeHost host) : ProcurementConformance
{
    /// <inheritdoc />
    protected sealed override async Task<ProcurementUnderTest> StartLedgerAsync(ProcurementOptions options)
    {
        HostedChaincode hosted = await host.StartAsync(new ProcurementChaincode(options));
        return new ProcurementUnderTest(new ProcurementChaincodeAdapter(hosted.Gateway), hosted.Time, hosted.Owner, hosted.Gateway);
    }

    /// <inheritdoc />
    protected sealed override void RequireDriver() => host.Require();
}
