using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ValueChain.Ledger;

namespace ValueChain.Conformance.Ledger;

/// <summary>
/// A chaincode that exercises every part of <see cref="IChaincodeContext"/>, for the ledger-level
/// conformance suite. Every driver that runs C# chaincodes deploys it under <see cref="ChaincodeName"/>.
/// </summary>
public sealed class ConformanceChaincode : IChaincode
{
    /// <summary>The name the suite calls.</summary>
    public const string ChaincodeName = "conformance";

    /// <inheritdoc />
    public string Name => ChaincodeName;

    /// <inheritdoc />
    public IReadOnlySet<string> Functions { get; } = new[]
    {
        "put", "putMany", "get", "delete", "fail", "crash", "range", "putThenRange", "history", "emit", "whoami", "now", "mint", "transfer", "total",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        JsonObject args = JsonNode.Parse(argumentsJson)?.AsObject() ?? [];
        string Text(string name) => args[name]?.GetValue<string>() ?? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"argument '{name}' is required");
        switch (functionName)
        {
            case "put":
                await context.PutStateAsync(Text("key"), Encoding.UTF8.GetBytes(Text("value")), cancellationToken);
                return null;
            case "putMany":
                // Writes count keys (the benchmark's five-key transaction).
                int count = args["count"]!.GetValue<int>();
                for (int i = 0; i < count; i++)
                {
                    await context.PutStateAsync($"{Text("prefix")}/{i}", Encoding.UTF8.GetBytes(Text("value")), cancellationToken);
                }

                return null;
            case "get":
                ReadOnlyMemory<byte>? value = await context.GetStateAsync(Text("key"), cancellationToken);
                return value is null ? "null" : JsonSerializer.Serialize(Encoding.UTF8.GetString(value.Value.Span));
            case "delete":
                await context.DeleteStateAsync(Text("key"), cancellationToken);
                return null;
            case "fail":
                // Writes and emits first, so the suite can check that a failure undoes both.
                await context.PutStateAsync(Text("key"), "written before failing"u8.ToArray(), cancellationToken);
                context.EmitEvent("BeforeFailure", "{}");
                // "format" throws another family of the SDK's typed errors, whose code every driver must keep too.
                throw args["family"]?.GetValue<string>() == "format"
                    ? new ValueChainFormatException("input", Text("code"), "failed on purpose")
                    : new ChaincodeException(Text("code"), "failed on purpose");
            case "crash":
                await context.PutStateAsync(Text("key"), "written before crashing"u8.ToArray(), cancellationToken);
                throw new InvalidOperationException("a chaincode bug");
            case "range":
                return await RangeAsync(context, Text("start"), Text("end"), cancellationToken);
            case "putThenRange":
                await context.PutStateAsync(Text("key"), Encoding.UTF8.GetBytes(Text("value")), cancellationToken);
                await context.DeleteStateAsync(Text("deleteKey"), cancellationToken);
                return await RangeAsync(context, Text("start"), Text("end"), cancellationToken);
            case "history":
                var versions = new JsonArray();
                await foreach (KeyModification version in context.GetHistoryForKeyAsync(Text("key"), cancellationToken))
                {
                    versions.Add(new JsonObject
                    {
                        ["tx"] = version.TransactionId.ToString(),
                        ["value"] = version.IsDelete ? null : Encoding.UTF8.GetString(version.Value.Span),
                        ["delete"] = version.IsDelete,
                    });
                }

                return versions.ToJsonString();
            case "emit":
                context.EmitEvent(Text("name"), args["payload"]?.ToJsonString() ?? "{}");
                return null;
            case "whoami":
                return JsonSerializer.Serialize(context.Caller.ToString());
            case "now":
                return JsonSerializer.Serialize(context.Timestamp.ToUnixTimeMilliseconds());
            case "mint":
                await AddAsync(context, Text("account"), args["amount"]!.GetValue<long>(), cancellationToken);
                return null;
            case "transfer":
                // Two writes that must be seen together: readers check that the total never changes.
                long amount = args["amount"]!.GetValue<long>();
                await AddAsync(context, Text("from"), -amount, cancellationToken);
                await AddAsync(context, Text("to"), amount, cancellationToken);
                return null;
            case "total":
                long total = 0;
                await foreach (StateEntry entry in context.GetStateByRangeAsync("balance/", "balance0", cancellationToken))
                {
                    total += long.Parse(Encoding.UTF8.GetString(entry.Value.Span), CultureInfo.InvariantCulture);
                }

                return total.ToString(CultureInfo.InvariantCulture);
            default:
                throw new ChaincodeException(ErrorCodes.UnknownFunction, functionName);
        }
    }

    private static async Task<string> RangeAsync(IChaincodeContext context, string start, string end, CancellationToken cancellationToken)
    {
        var entries = new JsonArray();
        await foreach (StateEntry entry in context.GetStateByRangeAsync(start, end, cancellationToken))
        {
            entries.Add(new JsonArray(entry.Key, Encoding.UTF8.GetString(entry.Value.Span)));
        }

        return entries.ToJsonString();
    }

    private static async Task AddAsync(IChaincodeContext context, string account, long delta, CancellationToken cancellationToken)
    {
        string key = "balance/" + account;
        ReadOnlyMemory<byte>? current = await context.GetStateAsync(key, cancellationToken);
        long balance = current is null ? 0 : long.Parse(Encoding.UTF8.GetString(current.Value.Span), CultureInfo.InvariantCulture);
        if (balance + delta < 0)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"balance of {account} would go below zero");
        }

        await context.PutStateAsync(key, Encoding.UTF8.GetBytes((balance + delta).ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }
}
