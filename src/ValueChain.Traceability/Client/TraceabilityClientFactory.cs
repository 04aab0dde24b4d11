namespace ValueChain.Traceability;

/// <summary>
/// Makes <see cref="TraceabilityClient"/>s over one <see cref="ITraceabilityContract"/>, each bound to the signer of
/// the participant it acts for. <c>AddTraceability</c> registers one; resolve it from the container.
/// </summary>
public sealed class TraceabilityClientFactory
{
    private readonly ITraceabilityContract _contract;

    /// <summary>Creates a factory over <paramref name="contract"/>.</summary>
    public TraceabilityClientFactory(ITraceabilityContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _contract = contract;
    }

    /// <summary>A client whose commands and signed reads are signed by <paramref name="signer"/>.</summary>
    public TraceabilityClient Create(ISigner signer) => new(_contract, signer);
}
