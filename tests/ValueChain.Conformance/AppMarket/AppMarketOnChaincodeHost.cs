using ValueChain.AppMarket;

namespace ValueChain.Conformance.AppMarket;

/// <summary>The marketplace suite on a driver that runs the C# chaincode: the chaincode adapter over the host's gateway.</summary>
/// <param name="host">The driver.</param>
public abstract class AppMarketOnChaincodeHost(IChaincodeHost host) : AppMarketConformance
{
    /// <inheritdoc />
    protected sealed override async Task<AppMarketUnderTest> StartLedgerAsync(AppMarketOptions options)
    {
        HostedChaincode hosted = await host.StartAsync(new AppMarketChaincode(options));
        return new AppMarketUnderTest(new AppMarketChaincodeAdapter(hosted.Gateway, options.ChainId), hosted.Time, hosted.Owner);
    }

    /// <inheritdoc />
    protected sealed override void RequireDriver() => host.Require();
}
