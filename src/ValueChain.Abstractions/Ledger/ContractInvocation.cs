namespace ValueChain.Ledger;

/// <summary>A call of one chaincode function with its arguments as canonical JSON.</summary>
/// <param name="Chaincode">The deployed chaincode's name (for example "traceability").</param>
/// <param name="Function">The function name.</param>
/// <param name="ArgumentsJson">The arguments as one canonical JSON value (usually an object).</param>
public sealed record ContractInvocation(string Chaincode, string Function, string ArgumentsJson)
{
    /// <summary>
    /// The top-level properties of <see cref="ArgumentsJson"/> that the chaincode keeps private (empty: none). A
    /// ledger driver with transient data (Fabric) sends them outside the transaction (<see cref="ValueChain.Ledger.PrivateArguments"/>),
    /// so that they never reach the blocks every organisation receives; other ledgers pass the arguments whole.
    /// </summary>
    public IReadOnlyList<string> PrivateArguments { get; init; } = [];
}
