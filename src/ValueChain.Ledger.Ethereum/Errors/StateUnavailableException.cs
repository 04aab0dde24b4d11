namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A call at a block failed because the node no longer holds that block's state (it keeps only recent states, as anvil
/// with <c>--max-persisted-states</c> or a pruning full node does) or does not have it yet. The call was not run on
/// another state in its place; an archive node, or a call at a more recent block, answers it.
/// </summary>
public sealed class StateUnavailableException : ValueChainException
{
    // How nodes say it, matched in their messages since the codes differ (and are generic): anvil 1.7, tried with
    // --max-persisted-states 0 (-32602 "BlockOutOfRangeError: block height is 600 but requested was 99", also for a block
    // past the head); geth's hash scheme ("missing trie node") and path scheme ("historical state … is not available");
    // and pruning nodes that say "pruned".
    private static readonly string[] Signs = ["BlockOutOfRange", "missing trie node", "historical state", "pruned"];

    /// <summary>Creates the error for a call at <paramref name="block"/> that the node refused with <paramref name="refusal"/>.</summary>
    public StateUnavailableException(ulong block, JsonRpcException refusal)
        : base(ErrorCodes.NodeError, $"The node holds no state for block {block}, so a call at that block cannot run there: {refusal?.RpcMessage}", refusal)
    {
        Block = block;
    }

    /// <summary>The block whose state the node does not hold.</summary>
    public ulong Block { get; }

    /// <summary>Whether <paramref name="error"/> is a node saying it holds no state for the block asked for.</summary>
    internal static bool Says(JsonRpcException error) =>
        error.RevertData is null && Signs.Any(sign => error.RpcMessage.Contains(sign, StringComparison.OrdinalIgnoreCase));
}
