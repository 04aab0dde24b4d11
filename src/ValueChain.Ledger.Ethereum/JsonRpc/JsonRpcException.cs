using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>The node answered a JSON-RPC request with an error object; the request reached the node.</summary>
public sealed class JsonRpcException : ValueChainException
{
    /// <summary>Creates the error from the node's error object.</summary>
    public JsonRpcException(string method, int rpcCode, string rpcMessage, JsonElement? data)
        : base(ErrorCodes.NodeError, $"The node refused {method}: {rpcMessage} (JSON-RPC error {rpcCode}).")
    {
        Method = method;
        RpcCode = rpcCode;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (−32601 method not found, −32000 server error, 3 execution reverted…).</summary>
    public int RpcCode { get; }

    /// <summary>The node's message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's <c>data</c> member (revert data for reverted calls), if any.</summary>
    public JsonElement? ErrorData { get; }
}

/// <summary>
/// The node could not be reached, did not answer in time, or answered with something that is not
/// JSON-RPC. Whether a send reached the node is unknown: check the transaction hash before resending.
/// </summary>
public sealed class NodeUnavailableException : ValueChainException
{
    /// <summary>Creates the error.</summary>
    public NodeUnavailableException(string method, string reason, Exception? innerException = null)
        : base(ErrorCodes.NodeUnavailable, $"The node did not answer {method}: {reason}", innerException)
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }
}
