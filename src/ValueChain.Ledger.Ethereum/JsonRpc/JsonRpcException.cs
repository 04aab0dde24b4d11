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

    /// <summary>
    /// The revert data of a reverted call or estimate, wherever this node puts it (see <see cref="RevertDataLocator"/>);
    /// empty for a revert without data, null when the error is not a revert.
    /// </summary>
    public byte[]? RevertData => RevertDataLocator.Find(this);

    /// <summary>Reads a JSON-RPC error object (<c>code</c>, <c>message</c>, <c>data</c>) as a node sent it.</summary>
    /// <param name="method">The method the node refused.</param>
    /// <param name="error">The <c>error</c> member of the node's answer.</param>
    public static JsonRpcException FromError(string method, JsonElement error) => new(
        method,
        error.TryGetProperty("code", out JsonElement code) && code.TryGetInt32(out int number) ? number : 0,
        error.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : "",
        error.TryGetProperty("data", out JsonElement data) ? data.Clone() : null);
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
