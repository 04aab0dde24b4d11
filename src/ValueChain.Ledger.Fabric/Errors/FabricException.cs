namespace ValueChain.Ledger.Fabric;

/// <summary>A Fabric peer or orderer refused or failed a request; carries the node's status and message.</summary>
public abstract class FabricException : ValueChainException
{
    /// <summary>Creates the error.</summary>
    protected FabricException(string code, string endpoint, int status, string statusMessage, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Endpoint = endpoint;
        Status = status;
        StatusMessage = statusMessage;
    }

    /// <summary>The peer or orderer that answered.</summary>
    public string Endpoint { get; }

    /// <summary>The node's status: a response status (peers), a common.Status (orderers) or a gRPC status code.</summary>
    public int Status { get; }

    /// <summary>The node's own message.</summary>
    public string StatusMessage { get; }
}
