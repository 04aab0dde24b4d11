using System.Text.Json;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>
/// How a chaincode's <see cref="ChaincodeException"/> crosses Fabric: the host completes with status
/// 500, the message, and a JSON payload {"code", "message"} that the client turns back into the same
/// code. Peers return the chaincode's response unchanged, so the code survives endorsement.
/// </summary>
internal static class ChaincodeError
{
    /// <summary>The status the host answers a failed invocation with (shim.ERROR).</summary>
    public const int Status = 500;

    public static byte[] Encode(string code, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["code"] = code, ["message"] = message });

    /// <summary>The code and message of a failed chaincode response, or null when the response is not one of ours.</summary>
    public static (string Code, string Message)? TryDecode(Protos.Response response)
    {
        if (response.Status < 400 || response.Payload.IsEmpty)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(response.Payload.Memory);
            return document.RootElement.TryGetProperty("code", out JsonElement code) && code.GetString() is { Length: > 0 } c
                ? (c, document.RootElement.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "" : "")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
