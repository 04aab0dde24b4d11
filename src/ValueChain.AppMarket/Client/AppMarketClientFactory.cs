namespace ValueChain.AppMarket;

/// <summary>
/// Makes <see cref="AppMarketClient"/>s over one <see cref="IAppMarketContract"/>, each bound to the signer of the
/// participant it acts for. <c>AddAppMarket</c> registers one; resolve it from the container.
/// </summary>
public sealed class AppMarketClientFactory
{
    private readonly IAppMarketContract _market;

    /// <summary>Creates a factory over <paramref name="market"/>.</summary>
    public AppMarketClientFactory(IAppMarketContract market)
    {
        ArgumentNullException.ThrowIfNull(market);
        _market = market;
    }

    /// <summary>A client whose commands and signed reads are signed by <paramref name="signer"/>.</summary>
    public AppMarketClient Create(ISigner signer) => new(_market, signer);
}
