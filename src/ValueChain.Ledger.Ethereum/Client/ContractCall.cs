namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A call of a contract function, with the names its span and metrics carry (the generated bindings fill them in;
/// without them the contract is its address and the function its selector).
/// </summary>
/// <param name="To">The contract, or null for a deployment.</param>
/// <param name="Data">The call data.</param>
/// <param name="ContractName">The contract's name, for example <c>Token</c>.</param>
/// <param name="FunctionName">The function's name, for example <c>transfer</c>.</param>
public sealed record ContractCall(Address? To, byte[] Data, string? ContractName = null, string? FunctionName = null)
{
    /// <summary>The contract as <c>valuechain.contract</c> reports it: its name, else its address, else <c>(deployment)</c>.</summary>
    public string Contract => ContractName ?? To?.ToLowerHex() ?? "(deployment)";

    /// <summary>The function as <c>valuechain.function</c> reports it: its name, else its selector, else <c>constructor</c>.</summary>
    public string Function => FunctionName ?? (To is null ? "constructor" : Data.Length >= 4 ? Hex.Encode(Data.AsSpan(0, 4)) : "(fallback)");
}
