using System.Reflection;
using System.Text.Json;

namespace ValueChain.Testing.Ethereum;

/// <summary>
/// Reads every transaction a node has mined and attributes its gas to a contract function: calls by their
/// selector among the named contracts' committed ABIs, deployments by their creation code (embedded in the
/// application package that deploys them). The
/// scan runs after the scenarios, so that measuring changes nothing in how they run.
/// </summary>
internal static class ChainGasScanner
{
    public static async Task ScanAsync(JsonRpcClient rpc, Assembly package, IReadOnlyList<string> contracts, GasReport report, CancellationToken cancellationToken)
    {
        Dictionary<string, string> functions = Selectors(contracts);
        var creations = contracts.ToDictionary(name => name, name => Hex.Encode(ApplicationBytecode.Of(package, name), prefix: false));
        ulong head = ulong.Parse((await rpc.CallAsync("eth_blockNumber", [], cancellationToken)).GetString()![2..], System.Globalization.NumberStyles.HexNumber);
        for (ulong block = 1; block <= head; block++)
        {
            string number = "0x" + block.ToString("x");
            JsonElement body = await rpc.CallAsync("eth_getBlockByNumber", [number, true], cancellationToken);
            JsonElement receipts = await rpc.CallAsync("eth_getBlockReceipts", [number], cancellationToken);
            var gasByHash = receipts.EnumerateArray().ToDictionary(r => r.GetProperty("transactionHash").GetString()!, r => Convert.ToUInt64(r.GetProperty("gasUsed").GetString(), 16));
            foreach (JsonElement transaction in body.GetProperty("transactions").EnumerateArray())
            {
                string input = transaction.GetProperty("input").GetString()![2..];
                ulong gas = gasByHash[transaction.GetProperty("hash").GetString()!];
                if (transaction.GetProperty("to").ValueKind == JsonValueKind.Null)
                {
                    string? created = creations.FirstOrDefault(c => input.StartsWith(c.Value, StringComparison.OrdinalIgnoreCase)).Key;
                    if (created is not null)
                    {
                        report.Add(created, "(deployment)", gas);
                    }
                }
                else if (input.Length >= 8 && functions.TryGetValue(input[..8].ToLowerInvariant(), out string? function))
                {
                    string[] parts = function.Split('.');
                    report.Add(parts[0], parts[1], gas);
                }
            }
        }
    }

    // "selector hex" → "Contract.function" over the state-changing functions of the contracts.
    private static Dictionary<string, string> Selectors(IReadOnlyList<string> contracts)
    {
        var selectors = new Dictionary<string, string>();
        foreach (string contract in contracts)
        {
            using JsonDocument abi = JsonDocument.Parse(File.ReadAllText(AnvilClients.AbiPath(contract)));
            foreach (JsonElement entry in abi.RootElement.EnumerateArray())
            {
                if (entry.GetProperty("type").GetString() != "function" || entry.GetProperty("stateMutability").GetString() is "view" or "pure")
                {
                    continue;
                }

                string name = entry.GetProperty("name").GetString()!;
                string signature = $"{name}({string.Join(",", entry.GetProperty("inputs").EnumerateArray().Select(Canonical))})";
                string selector = Hex.Encode(AbiSignature.Selector(signature), prefix: false);
                if (!selectors.TryAdd(selector, $"{contract}.{name}") && selectors[selector] != $"{contract}.{name}")
                {
                    throw new InvalidOperationException($"The selector of {contract}.{signature} is also {selectors[selector]}'s: the report could not tell them apart.");
                }
            }
        }

        return selectors;
    }

    private static string Canonical(JsonElement parameter)
    {
        string type = parameter.GetProperty("type").GetString()!;
        return type.StartsWith("tuple", StringComparison.Ordinal)
            ? $"({string.Join(",", parameter.GetProperty("components").EnumerateArray().Select(Canonical))}){type["tuple".Length..]}"
            : type;
    }
}
