using System.Diagnostics;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Funds accounts on a development node for demos and tests, on any node kind: <c>anvil_setBalance</c>,
/// <c>hardhat_setBalance</c>, <c>evm_setAccountBalance</c> (ganache), then a transfer from the node's first unlocked
/// account (geth --dev, Besu dev mode, and any node that holds a funded key).
/// </summary>
public static class DevelopmentNodeFunding
{
    private static readonly string[] SetBalanceMethods = ["anvil_setBalance", "hardhat_setBalance", "evm_setAccountBalance"];

    /// <summary>Gives <paramref name="account"/> a balance of at least <paramref name="wei"/> and returns the method that did it.</summary>
    /// <exception cref="ConfigurationException">The node offers none of the ways, naming what each answered.</exception>
    public static async Task<string> FundAsync(JsonRpcClient rpc, Address account, UInt256 wei, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var refusals = new List<string>();
        foreach (string method in SetBalanceMethods)
        {
            try
            {
                await rpc.CallAsync(method, [account.ToLowerHex(), Quantity.From(wei)], cancellationToken).ConfigureAwait(false);
                return method;
            }
            catch (JsonRpcException refused)
            {
                refusals.Add($"{method}: {refused.RpcMessage}");
            }
        }

        try
        {
            await TransferFromUnlockedAccountAsync(rpc, account, wei, cancellationToken).ConfigureAwait(false);
            return "eth_sendTransaction";
        }
        catch (JsonRpcException refused)
        {
            refusals.Add($"eth_sendTransaction: {refused.RpcMessage}");
        }
        catch (ConfigurationException unavailable)
        {
            refusals.Add($"eth_sendTransaction: {unavailable.Message}");
        }

        throw new ConfigurationException($"The node cannot fund {account} for a demo or test; it is not a development node ({string.Join("; ", refusals)}).");
    }

    private static async Task TransferFromUnlockedAccountAsync(JsonRpcClient rpc, Address account, UInt256 wei, CancellationToken cancellationToken)
    {
        JsonElement accounts = await rpc.CallAsync("eth_accounts", [], cancellationToken).ConfigureAwait(false);
        string from = accounts.ValueKind == JsonValueKind.Array && accounts.GetArrayLength() > 0
            ? accounts[0].GetString()!
            : throw new ConfigurationException("the node holds no unlocked account to transfer from");
        var transfer = new Dictionary<string, object?> { ["from"] = from, ["to"] = account.ToLowerHex(), ["value"] = Quantity.From(wei) };
        string hash = (await rpc.CallAsync("eth_sendTransaction", [transfer], cancellationToken).ConfigureAwait(false)).GetString()!;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            JsonElement receipt = await rpc.CallAsync("eth_getTransactionReceipt", [hash], cancellationToken).ConfigureAwait(false);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                if (receipt.GetProperty("status").GetString() == "0x1")
                {
                    return;
                }

                throw new ConfigurationException($"the transfer {hash} from {from} failed");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new ConfigurationException($"the transfer {hash} from {from} was not mined within 30 s");
    }
}
