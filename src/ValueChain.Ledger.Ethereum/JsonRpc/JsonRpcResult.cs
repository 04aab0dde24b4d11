using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>One request of a batch: the method and its parameters.</summary>
/// <param name="Method">The JSON-RPC method, e.g. <c>eth_getBalance</c>.</param>
/// <param name="Parameters">Its positional parameters.</param>
public sealed record JsonRpcRequest(string Method, params IReadOnlyList<object?> Parameters);

/// <summary>One answer of a batch: either a result or the node's error for that request.</summary>
/// <param name="Result">The result, when the request succeeded.</param>
/// <param name="Error">The node's error, when it failed.</param>
public sealed record JsonRpcResult(JsonElement? Result, JsonRpcException? Error)
{
    /// <summary>The result, or the node's error thrown.</summary>
    public JsonElement GetResult() => Error is null ? Result!.Value : throw Error;
}
