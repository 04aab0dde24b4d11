namespace ValueChain.Ledger.InMemory;

/// <summary>A submitted transaction waiting for its block, and the caller waiting for its receipt.</summary>
internal sealed class PendingTransaction(SignedTransaction transaction)
{
    public SignedTransaction Transaction { get; } = transaction;

    public TaskCompletionSource<TransactionReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the parallel signature check before execution.</summary>
    public bool SignatureValid { get; set; }
}
