namespace ValueChain.Ledger.Ethereum;

/// <summary>How <see cref="TransactionSender"/> hands a batch of consecutive nonces to the node.</summary>
public enum BatchRelease
{
    /// <summary>
    /// <see cref="FirstNonceLast"/> when the node is anvil (its <c>web3_clientVersion</c> starts with
    /// <c>anvil/</c>), <see cref="InNonceOrder"/> otherwise.
    /// </summary>
    Auto,

    /// <summary>One JSON-RPC batch in nonce order. Right for geth and its kin, which drop queued transactions
    /// above 64 per account, so a batch must not wait behind its own first nonce.</summary>
    InNonceOrder,

    /// <summary>
    /// The batch without its first transaction, then the first one. The node queues the later nonces without
    /// waking its miner, and the first releases them all in one step. An automining dev node such as anvil
    /// otherwise takes a snapshot of its ready transactions at every arrival and mines one block per
    /// snapshot: a burst of 1000 sends then costs hundreds of blocks of one transaction each.
    /// </summary>
    FirstNonceLast,
}
