using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ValueChain.Ledger;

/// <summary>
/// Calls one chaincode through an <see cref="IContractGateway"/> with typed JSON arguments and results:
/// the plumbing every chaincode adapter shares.
/// </summary>
public sealed class ChaincodeClient
{
    private readonly IContractGateway _gateway;
    private readonly string _chaincode;

    /// <summary>Creates a client for <paramref name="chaincode"/> over <paramref name="gateway"/>.</summary>
    public ChaincodeClient(IContractGateway gateway, string chaincode)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentException.ThrowIfNullOrEmpty(chaincode);
        _gateway = gateway;
        _chaincode = chaincode;
    }

    /// <summary>Submits <paramref name="function"/> signed by <paramref name="signer"/> and returns the receipt of a successful transaction.</summary>
    /// <exception cref="ChaincodeException">The transaction failed; its code comes with it.</exception>
    public Task<TransactionReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken) =>
        SubmitAsync(signer, function, arguments, type, [], cancellationToken);

    /// <summary>
    /// Submits <paramref name="function"/> signed by <paramref name="signer"/>, with the argument properties
    /// <paramref name="privateArguments"/> marked private (<see cref="ContractInvocation.PrivateArguments"/>), and returns
    /// the receipt of a successful transaction.
    /// </summary>
    /// <exception cref="ChaincodeException">The transaction failed; its code comes with it.</exception>
    public async Task<TransactionReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, IReadOnlyList<string> privateArguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(privateArguments);
        var invocation = new ContractInvocation(_chaincode, function, JsonSerializer.Serialize(arguments, type)) { PrivateArguments = privateArguments };
        return (await _gateway.SubmitAsync(signer, invocation, cancellationToken)).EnsureSucceeded();
    }

    /// <summary>Evaluates a query as <paramref name="caller"/> (null: anonymously) and reads its JSON result (default when the chaincode answers null).</summary>
    public async Task<TResult?> EvaluateAsync<TArgs, TResult>(ISigner? caller, string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var invocation = new ContractInvocation(_chaincode, function, JsonSerializer.Serialize(arguments, argumentType));
        string? json = await _gateway.EvaluateAsync(caller, invocation, cancellationToken);
        return json is null ? default : JsonSerializer.Deserialize(json, resultType);
    }
}
