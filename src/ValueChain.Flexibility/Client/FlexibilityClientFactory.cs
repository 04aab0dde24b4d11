namespace ValueChain.Flexibility;

/// <summary>
/// Makes <see cref="FlexibilityClient"/>s over one <see cref="IFlexibilityContract"/>, each bound to the signer of
/// the participant it acts for. <c>AddFlexibility</c> registers one; resolve it from the container.
/// </summary>
public sealed class FlexibilityClientFactory
{
    private readonly IFlexibilityContract _market;

    /// <summary>Creates a factory over <paramref name="market"/>.</summary>
    public FlexibilityClientFactory(IFlexibilityContract market)
    {
        ArgumentNullException.ThrowIfNull(market);
        _market = market;
    }

    /// <summary>A client whose commands are signed by <paramref name="signer"/>.</summary>
    public FlexibilityClient Create(ISigner signer) => new(_market, signer);
}
