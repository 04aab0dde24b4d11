namespace ValueChain.Ledger;

/// <summary>The outcome of a committed transaction.</summary>
public enum TransactionStatus
{
    /// <summary>The invocation succeeded and its writes and events are part of the state.</summary>
    Succeeded = 1,

    /// <summary>The invocation failed: it is recorded with its error code, and it changed nothing.</summary>
    Failed = 2,
}
