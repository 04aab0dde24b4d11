using ValueChain.Traceability;

namespace ValueChain.Conformance.Traceability;

/// <summary>The traceability suite on a driver that runs the C# chaincode: the chaincode adapter over the host's gateway.</summary>
/// <param name="host">The driver.</param>
public abstract class TraceabilityOnChaincodeHost(IChaincodeHost host) : TraceabilityConformance
{
    /// <inheritdoc />
    protected sealed override async Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options)
    {
        HostedChaincode hosted = await host.StartAsync(new TraceabilityChaincode(options));
        return new TraceabilityUnderTest(new TraceabilityChaincodeAdapter(hosted.Gateway), hosted.Time, hosted.Owner, hosted.Gateway);
    }

    /// <inheritdoc />
    protected sealed override void RequireDriver() => host.Require();
}
