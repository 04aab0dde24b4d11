namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The discovery service of a peer could not say which peers endorse a chaincode (it answered with an error, for
/// example while a fresh chaincode definition has not reached its membership view, or when no combination of live
/// peers satisfies the policy); nothing was proposed. Names the peer asked and its answer.
/// </summary>
public sealed class FabricDiscoveryException : FabricException
{
    /// <summary>The code of a discovery request that found no endorsers.</summary>
    public const string ErrorCode = "fabric_discovery_failed";

    /// <summary>Creates the error.</summary>
    /// <param name="peer">The peer whose discovery service answered.</param>
    /// <param name="chaincode">The chaincode whose endorsers were asked for.</param>
    /// <param name="statusMessage">The discovery service's error, or why there was no answer.</param>
    /// <param name="innerException">The connection error, when the peer could not be reached.</param>
    public FabricDiscoveryException(string peer, string chaincode, string statusMessage, Exception? innerException = null)
        : base(ErrorCode, peer, 0, statusMessage, $"The discovery service of {peer} found no endorsers for chaincode '{chaincode}': {statusMessage}", innerException) =>
        Chaincode = chaincode;

    /// <summary>The chaincode whose endorsers were asked for.</summary>
    public string Chaincode { get; }
}
