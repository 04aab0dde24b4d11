namespace ValueChain.Ledger;

/// <summary>
/// The generic port to a ledger that runs chaincodes: submit a signed invocation, evaluate a query,
/// read events. Chaincode adapters implement each application's contract port on top of it; every
/// driver that runs C# chaincodes provides it.
/// </summary>
public interface IContractGateway
{
    /// <summary>
    /// Signs <paramref name="invocation"/> with <paramref name="signer"/>, submits it and waits until
    /// it is committed. A chaincode failure is returned as a receipt with status failed (see
    /// <see cref="TransactionReceipt.EnsureSucceeded"/>).
    /// </summary>
    /// <exception cref="TransactionRejectedException">The ledger refused the transaction before executing it.</exception>
    Task<TransactionReceipt> SubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken = default);

    /// <summary>Runs a read-only invocation against the latest committed state and returns its JSON result.</summary>
    /// <param name="invocation">The query.</param>
    /// <param name="caller">The address the chaincode sees as caller (for reads restricted by role), or null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ChaincodeException">The query failed.</exception>
    Task<string?> EvaluateAsync(ContractInvocation invocation, Address? caller = null, CancellationToken cancellationToken = default);

    /// <summary>The events of <paramref name="chaincode"/> in blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>], in order.</summary>
    Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events of <paramref name="chaincode"/> from block <paramref name="fromBlock"/> on: first the
    /// committed ones, then live ones as they commit, until cancelled.
    /// </summary>
    IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, CancellationToken cancellationToken = default);
}
