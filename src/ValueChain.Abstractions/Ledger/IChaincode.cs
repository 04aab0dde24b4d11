namespace ValueChain.Ledger;

/// <summary>
/// An application's contract rules written once in C#: run by the embedded ledger and, unchanged, as
/// Hyperledger Fabric chaincode-as-a-service. Implementations must be deterministic: no clock, no
/// randomness, no I/O, no floating point in state transitions.
/// </summary>
public interface IChaincode
{
    /// <summary>The name under which the chaincode is deployed.</summary>
    string Name { get; }

    /// <summary>The functions the chaincode offers; a call of any other is refused before execution.</summary>
    IReadOnlySet<string> Functions { get; }

    /// <summary>Runs <paramref name="functionName"/> with its JSON arguments; returns a JSON result or null.</summary>
    /// <exception cref="ChaincodeException">The invocation fails; the ledger rolls back its writes and records the code.</exception>
    ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default);
}
