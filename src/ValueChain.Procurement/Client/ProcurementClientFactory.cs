namespace ValueChain.Procurement;

/// <summary>
/// Makes <see cref="ProcurementClient"/>s over one <see cref="IProcurementContract"/>, each bound to the signer of the
/// user or machine it acts for. <c>AddProcurement</c> registers one; resolve it from the container.
/// </summary>
public sealed class ProcurementClientFactory
{
    private readonly IProcurementContract _contract;
    private readonly int _startingRate;
    private readonly ProcurementUblOptions? _ubl;

    /// <summary>
    /// Creates a factory over <paramref name="contract"/>; ranking gives suppliers without history <paramref name="startingRate"/>,
    /// and UBL exports use <paramref name="ubl"/> (the defaults when null).
    /// </summary>
    public ProcurementClientFactory(IProcurementContract contract, int startingRate = 5_000, ProcurementUblOptions? ubl = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _contract = contract;
        _startingRate = startingRate;
        _ubl = ubl;
    }

    /// <summary>A client whose commands and signed reads are signed by <paramref name="signer"/>.</summary>
    public ProcurementClient Create(ISigner signer) => new(_contract, signer, _startingRate, _ubl);
}
