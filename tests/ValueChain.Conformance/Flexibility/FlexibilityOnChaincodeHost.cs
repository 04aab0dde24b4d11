using ValueChain.Flexibility;

namespace ValueChain.Conformance.Flexibility;

/// <summary>The flexibility suite on a driver that runs the C# chaincode: the chaincode adapter over the host's gateway.</summary>
/// <param name="host">The driver.</param>
public abstract class FlexibilityOnChaincodeHost(IChaincodeHost host) : FlexibilityConformance
{
    /// <inheritdoc />
    protected sealed override async Task<FlexibilityUnderTest> StartLedgerAsync(FlexibilityOptions options)
    {
        HostedChaincode hosted = await host.StartAsync(new FlexibilityChaincode(options));
        return new FlexibilityUnderTest(new FlexibilityChaincodeAdapter(hosted.Gateway), hosted.Time, hosted.Owner);
    }

    /// <inheritdoc />
    protected sealed override void RequireDriver() => host.Require();
}
