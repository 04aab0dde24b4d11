namespace ValueChain.Ledger.Fabric;

/// <summary>A peer or orderer could not be reached or broke the connection; carries the gRPC status.</summary>
public sealed class FabricConnectionException : FabricException
{
    /// <summary>Creates the error.</summary>
    public FabricConnectionException(string endpoint, int grpcStatus, string statusMessage, Exception? innerException = null)
        : base(ErrorCodes.NodeUnavailable, endpoint, grpcStatus, statusMessage, $"Fabric node {endpoint} failed: {statusMessage} (gRPC status {grpcStatus})", innerException)
    {
    }
}
