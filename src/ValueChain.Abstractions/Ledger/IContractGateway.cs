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

    /// <summary>
    /// Runs a read-only invocation against the latest committed state and returns its JSON result.
    /// A query whose answer depends on who asks is signed by <paramref name="caller"/>: the ledger
    /// checks the signature before it executes anything, and the chaincode sees the recovered address
    /// as <see cref="IChaincodeContext.Caller"/>. No driver takes a caller's address on trust.
    /// </summary>
    /// <param name="caller">The signer the query is evaluated as, or null for an anonymous query (the chaincode then sees <see cref="Address.Zero"/>, which no participant holds).</param>
    /// <param name="invocation">The query.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ChaincodeException">The query failed.</exception>
    /// <exception cref="TransactionRejectedException">The ledger refused the query before executing it (bad, stale or foreign signature; unknown signer, chaincode or function).</exception>
    Task<string?> EvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken = default);

    /// <summary>The events of <paramref name="chaincode"/> in blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>], in order.</summary>
    Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events of <paramref name="chaincode"/> from block <paramref name="fromBlock"/> on: first the
    /// committed ones, then live ones as they commit, until cancelled.
    /// </summary>
    IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, CancellationToken cancellationToken = default);
}
