namespace ValueChain.Ledger;

/// <summary>A call of one chaincode function with its arguments as canonical JSON.</summary>
/// <param name="Chaincode">The deployed chaincode's name (for example "traceability").</param>
/// <param name="Function">The function name.</param>
/// <param name="ArgumentsJson">The arguments as one canonical JSON value (usually an object).</param>
public sealed record ContractInvocation(string Chaincode, string Function, string ArgumentsJson);
