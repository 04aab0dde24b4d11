using ValueChain.Ledger;

namespace ValueChain.Conformance;

/// <summary>
/// A driver that runs the applications' C# chaincodes unchanged (the embedded ledger, Fabric): with it, an
/// application suite on that driver is one line (<c>TraceabilityOnChaincodeHost</c>, <c>FlexibilityOnChaincodeHost</c>).
/// </summary>
public interface IChaincodeHost
{
    /// <summary>
    /// Starts a ledger (or a fresh deployment on a running one) with <paramref name="chaincode"/> deployed under its
    /// name, for one scenario. Any key may submit: the applications keep their own participant registries.
    /// </summary>
    Task<HostedChaincode> StartAsync(IChaincode chaincode);

    /// <summary>Skips the calling test, with the reason, when the host cannot run here.</summary>
    void Require();
}
