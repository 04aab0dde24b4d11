using ValueChain.V2V;

namespace ValueChain.Conformance.V2V;

/// <summary>The obstacle map's suite on a driver that runs the C# chaincode: the chaincode adapter over the host's gateway.</summary>
/// <param name="host">The driver.</param>
public abstract class V2VOnChaincodeHost(IChaincodeHost host) : V2VConformance
{
    /// <inheritdoc />
    protected sealed override async Task<V2VUnderTest> StartLedgerAsync(V2VOptions options)
    {
        HostedChaincode hosted = await host.StartAsync(new V2VChaincode(options));
        return new V2VUnderTest(new V2VChaincodeAdapter(hosted.Gateway), hosted.Time, hosted.Owner);
    }

    /// <inheritdoc />
    protected sealed override void RequireDriver() => host.Require();
}
